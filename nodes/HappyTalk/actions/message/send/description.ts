import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { messageFieldProperties } from '../messageFields';

export const option: OperationOption = {
	name: 'Send',
	value: 'send',
	description: 'Send a text, image, video or audio message into a counseling room',
	action: 'Send a message',
};

export const properties: INodeProperties[] = [...messageFieldProperties('send'), optionsProperty(showFor('message', 'send'))];
