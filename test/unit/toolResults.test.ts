/**
 * What the model reads back from the HappyTalk tool, built from the node's own errors and outputs
 * (the real n8n runs are in test/e2e/aiAgent.test.ts): each operation's success sentence, and
 * failures that say what to fix and whether anything may have reached the customer.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { sendMessageBody, sendMessageWireFields } from '../../nodes/HappyTalk/actions/message/send/schema';
import * as open from '../../nodes/HappyTalk/actions/room/open';
import * as end from '../../nodes/HappyTalk/actions/room/end';
import * as checkPrevious from '../../nodes/HappyTalk/actions/counselor/checkPrevious';
import * as send from '../../nodes/HappyTalk/actions/message/send';
import { failCodeError } from '../../nodes/HappyTalk/errors/bizApi/failCodeError';
import { customerUuidField } from '../../nodes/HappyTalk/shared/fields';
import { describeLength } from '../../nodes/HappyTalk/shared/text';
import { parseRequestBody } from '../../nodes/HappyTalk/shared/validate';
import { runsAsTool } from '../../nodes/HappyTalk/tool/runsAsTool';
import { toolFailure, toolSuccess } from '../../nodes/HappyTalk/tool/toolResults';

const node = { name: 'Reply', type: 'n8n-nodes-happytalk.happyTalkTool', typeVersion: 1, parameters: {} } as unknown as INode;
const request = (body: IDataObject) => ({ endpoint: '/v1/x', body });

test('the tool variant is told apart by its type, in every n8n version', () => {
	expect(runsAsTool(node)).toBe(true);
	expect(runsAsTool({ ...node, type: 'n8n-nodes-happytalk.happyTalk' })).toBe(false);
});

test('each operation says in one sentence what happened, before its usual output', () => {
	const sent = request({ uuid: 'customer_01', room_id: '42', type: 'text', msg: 'hi' });
	expect(toolSuccess(send.toOutput({ code: 0, message: '' }, sent), sent, 'message.send')).toEqual({
		result: 'Sent: the text message is in room 42 of customer customer_01, who sees it now.',
		...send.toOutput({ code: 0, message: '' }, sent),
	});

	const opening = request({ uuid: 'customer_01' });
	expect(toolSuccess(open.toOutput({ code: 0, room_id: 777 }, opening), opening, 'room.open').result).toBe(
		'Opened counseling room 777 for customer customer_01; a human counselor takes over the chat there.',
	);
	const closed = open.toOutput({ code: -901, content: '상담 시간이 아닙니다' }, opening);
	expect(toolSuccess(closed, opening, 'room.open').result).toBe(
		`No room was opened for customer customer_01: ${String(closed.reason)}. HappyTalk showed the customer: "상담 시간이 아닙니다".`,
	);

	const ending = request({ uuid: 'customer_01', room_id: '42' });
	expect(toolSuccess(end.toOutput({ code: 0, message: '' }, ending), ending, 'room.end').result).toBe(
		'Ended room 42 of customer customer_01; nothing more can be sent into it.',
	);

	const checking = request({ uuid: 'customer_01', customer_id: 'C-1' });
	const answer = { code: 0, counselor: 'exist', counselor_code: 1, counselor_name: '김상담' };
	expect(toolSuccess(checkPrevious.toOutput(answer, checking), checking, 'counselor.checkPrevious').result).toBe(
		'Customer customer_01 had counselor 김상담, who is available to take the chat now. Nothing was changed.',
	);
});

test('a validation failure names the field and the limit, and says nothing was sent', () => {
	let error: Error | undefined;
	try {
		parseRequestBody(sendMessageBody, { uuid: 'abc', room_id: '42', type: 'text', msg: 'hi' }, sendMessageWireFields, node, 0);
	} catch (caught) {
		error = caught as Error;
	}
	expect(toolFailure(error!, true)).toEqual({
		error: `"${customerUuidField.label}" (uuid) must be ${describeLength(customerUuidField)} long; got 3 characters`,
		whatToDo: 'Nothing was sent for this item.',
		sent: false,
		mayHaveBeenDelivered: false,
		outcome: 'Nothing reached the customer. Correct the call and try again.',
	});
});

test('a refusal carries HappyTalk\'s code; a -600 warns that the message may have arrived', () => {
	expect(toolFailure(failCodeError(node, 0, { code: -702, message: 'NotRoom' }, 200), true)).toMatchObject({
		error: 'HappyTalk refused the request: -702 NotRoom',
		whatToDo: expect.stringContaining('Room ID'),
		mayHaveBeenDelivered: false,
		happyTalk: { code: -702, message: 'NotRoom' },
	});
	expect(toolFailure(failCodeError(node, 0, { code: -600, message: 'System' }, 200), true)).toMatchObject({
		mayHaveBeenDelivered: true,
		outcome: 'The request may have reached HappyTalk: do not repeat it before checking the room.',
	});
});
