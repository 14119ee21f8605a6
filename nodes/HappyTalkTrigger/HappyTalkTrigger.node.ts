import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { APP_DESCRIPTION } from '../HappyTalk/shared/appDescription';
import { attachmentOptions } from './attachments/options';
import { parseIncomingMessage } from './incomingMessage';
import { isValidPathSecret, PATH_SECRET_HINT } from './pathSecret';
import { DEFAULT_VERSION, RECEIVE_PATH, TRIGGER_VERSIONS, versionOneNotice } from './versions';
import { replyRoutingCredentials, replyRoutingNotice } from './sendAndWaitSupport';
import { triggerExecuteSteps } from './executeSteps';
import { markHandOverFailure } from './handOverFailure';
import { routeToWaitingExecution } from './waitingReplies';
import { receiveDomainLifecycle } from './webhookLifecycle';

/** Types HappyTalk's documents show for customer messages; others pass when no filter is set. */
const MESSAGE_TYPES = [
	{ name: 'Text', value: 'text' },
	{ name: 'Image', value: 'image' },
	{ name: 'File', value: 'file' },
	{ name: 'Template', value: 'template' },
];

export class HappyTalkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HappyTalk Trigger',
		name: 'happyTalkTrigger',
		icon: { light: 'file:../HappyTalk/happyTalk.svg', dark: 'file:../HappyTalk/happyTalk.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: DEFAULT_VERSION,
		subtitle: 'On customer message',
		// Both fit the editor's tooltip boxes (the longer first text overflowed the canvas's).
		eventTriggerDescription: 'Waiting for a customer message',
		activationMessage: "Customers' messages now start this workflow, once HappyTalk has the Production URL as its receive domain.",
		description: APP_DESCRIPTION,
		defaults: { name: 'HappyTalk Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: replyRoutingCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// "After the Workflow Ran": n8n answers once the run has ended (200, empty), or 500 if it failed.
				// "At Once": n8n answers with the webhook's response ({"ok":true}) as its Webhook node does:
				// n8n 2.x once the execution exists (created, or queued in queue mode), n8n 1.x just before.
				responseMode: '={{ $parameter["options"]["answer"] === "afterRun" ? "lastNode" : "onReceived" }}',
				// An empty value makes n8n send the webhookResponse the method returns.
				responseData: '={{ $parameter["options"]["answer"] === "afterRun" ? "noData" : "" }}',
				// A full path, so n8n adds only the webhook id: <n8n>/webhook/<id>/[<id>/][secret/]message/:uuid.
				isFullPath: true,
				path: RECEIVE_PATH,
			},
		],
		properties: [
			versionOneNotice,
			{
				// n8n's node panel names a trigger's actions after the options of a property called
				// "Event": this one makes it list "On customer message".
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Customer Message',
						value: 'customerMessage',
						action: 'On customer message',
						description: "A customer writes in a HappyTalk room (HappyTalk's receive webhook)",
					},
				],
				default: 'customerMessage',
			},
			{
				displayName:
					'Register this node\'s Production URL with HappyTalk as the <b>receive domain</b>, without its ending "/message/:uuid". HappyTalk then sends every customer message to it.',
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
			replyRoutingNotice,
			{
				displayName: 'Path Secret',
				name: 'pathSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				placeholder: 'e.g. a long random string',
				hint: PATH_SECRET_HINT,
				description:
					'Becomes part of the URL, so only someone who knows it can post messages here (HappyTalk signs nothing)',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Answer HappyTalk',
						name: 'answer',
						type: 'options',
						options: [
							{
								name: 'At Once',
								value: 'onReceived',
								description: 'Answer 200 as soon as n8n takes the message, before the workflow runs: fastest, but a failed run stays unseen by HappyTalk',
							},
							{
								name: 'After the Workflow Ran',
								value: 'afterRun',
								description:
									'Answer 200 once the workflow succeeded, 500 "Error in workflow" if it failed (a worker without this package, a lost credential)',
							},
						],
						default: 'onReceived',
						description: 'When HappyTalk gets its answer for a customer message',
					},
					{
						displayName: 'Message Types',
						name: 'messageTypes',
						type: 'multiOptions',
						options: MESSAGE_TYPES,
						default: [],
						description:
							'Start the workflow only for these message types; others are acknowledged and ignored. Empty: every message.',
					},
					...attachmentOptions,
				],
			},
		],
	};

	webhookMethods = receiveDomainLifecycle;

	// Runs inside the execution with webhook()'s items: attachments are downloaded, a message whose
	// hand-over to a waiting execution failed fails the execution (executeSteps.ts).
	execute = triggerExecuteSteps;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		// Activation refuses such a secret; a path registered before that rule still starts nothing.
		if (!isValidPathSecret(this.getNodeParameter('pathSecret', ''))) {
			response.status(404).json({ ok: false, error: 'Not found' });
			return { noWebhookResponse: true };
		}
		const request = this.getRequestObject() as { rawBody?: { toString(encoding: 'utf8'): string } };
		const parsed = parseIncomingMessage(
			(this.getParamsData() as IDataObject).uuid,
			this.getBodyData(),
			request.rawBody?.toString('utf8'),
		);
		if (!parsed.ok) {
			response.status(400).json({ ok: false, error: `Not a HappyTalk message: ${parsed.problem}` });
			return { noWebhookResponse: true };
		}

		const { messageTypes = [], answer = 'onReceived' } = this.getNodeParameter('options', {}) as {
			messageTypes?: string[];
			answer?: string;
		};
		// An unrecognised layout always starts the workflow: its type may be named differently.
		const filtered = parsed.message.layoutRecognized && messageTypes.length > 0;
		if (filtered && !messageTypes.includes(parsed.message.type)) {
			response.status(200).json({ ok: true, ignored: `message type "${parsed.message.type}"` });
			return { noWebhookResponse: true };
		}

		// A reply to a waiting Send and Wait for Reply goes to its execution here, before n8n starts
		// one: HappyTalk gets its usual answer and no execution of this workflow starts.
		const routing = await routeToWaitingExecution(this, parsed.message);
		if (routing.route === 'handedOver') return { webhookResponse: { ok: true } };
		const message = routing.route === 'failed' ? markHandOverFailure(parsed.message, routing.failure) : parsed.message;
		const workflowData = [this.helpers.returnJsonArray([message as IDataObject])];
		// n8n answers itself once the run ends (the webhook's responseMode is then "lastNode").
		if (answer === 'afterRun') return { workflowData };

		// Answering here, before n8n had even created the execution, let a flood of messages pile up
		// inside n8n (p95 2,075 against the Webhook node's 285 ms in the chatbot-loop benchmark).
		// n8n 2.x itself answers once the execution exists, which paces HappyTalk to what n8n takes.
		return { webhookResponse: { ok: true }, workflowData };
	}
}
