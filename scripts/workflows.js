/**
 * Workflows the tests and the benchmark build: a manual trigger, a Code node that emits the items,
 * then one node that handles them. Also the HappyTalk node's "send a text" step, and a trigger alone.
 */
const SANDBOX_CREDENTIAL_REFERENCE = { id: 'HtSandboxCred001', name: 'HappyTalk Sandbox' };

function itemsWorkflow({ id, jsCode, node }) {
	return {
		id,
		name: `generated ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-c`, name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode } },
			{ position: [400, 0], ...node, id: `${id}-n` },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	};
}

/** HappyTalk → Message → Send, a text from the item's `uuid`, `roomId` and `message`. */
function sendTextNode({ name, options = {}, continueOnFail = false, message = '={{ $json.message }}', operation = 'send' }) {
	return {
		name,
		type: 'n8n-nodes-happytalk.happyTalk',
		typeVersion: 1,
		parameters: {
			resource: 'message',
			operation,
			uuid: '={{ $json.uuid }}',
			roomId: '={{ $json.roomId }}',
			messageType: 'text',
			message,
			options,
		},
		credentials: { happyTalkApi: SANDBOX_CREDENTIAL_REFERENCE },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/**
 * HappyTalk → Message → Send and Wait for Reply, a text to the item's customer and room; `limit`:
 * Limit Wait Time's values, e.g. { limitType: 'afterTimeInterval', resumeAmount: 0.1, resumeUnit: 'minutes' }.
 */
function sendAndWaitNode({ name, message, limit }) {
	return sendTextNode({ name, message, operation: 'sendAndWait', options: limit ? { limitWaitTime: { values: limit } } : {} });
}

/** The HappyTalk Trigger; `n8nApi`: with the n8n API credential that finds waiting executions. */
function happyTalkTriggerNode({ id, webhookId, pathSecret = '', n8nApi = false }) {
	return {
		id,
		name: 'Customer message',
		type: 'n8n-nodes-happytalk.happyTalkTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: pathSecret ? { pathSecret } : {},
		...(n8nApi ? { credentials: { n8nApi: { id: 'HtN8nApiCred0001', name: 'n8n API (HappyTalk replies)' } } } : {}),
	};
}

/**
 * A dialog: HappyTalk Trigger → "Ask" (Send and Wait for Reply) → "Answer" (Send), which says
 * `got: <reply>` or, after a time-out, `timed out: <question>`. `n8nApi: false`: the trigger
 * finds waiting executions only in its own process's memory (regular mode).
 */
function dialogWorkflow({ id, webhookId, pathSecret = '', limit, question = '=Order number for {{ $json.text }}?', n8nApi = true }) {
	return {
		id,
		name: `dialog ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			happyTalkTriggerNode({ id: `${id}-t`, webhookId, pathSecret, n8nApi }),
			{ ...sendAndWaitNode({ name: 'Ask', message: question, limit }), id: `${id}-a`, position: [220, 0] },
			{
				...sendTextNode({
					name: 'Answer',
					message: "={{ $json.replied ? 'got: ' + $json.text : 'timed out: ' + $json.question.text }}",
				}),
				id: `${id}-r`,
				position: [440, 0],
			},
		],
		connections: {
			'Customer message': { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
			Ask: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
		},
	};
}

/** HappyTalk's send call (`POST /v1/chat/write`) built by hand with n8n's HTTP Request node. */
function httpWriteNode({ sandbox, jsonBody, options = {}, name }) {
	return {
		...(name ? { name } : {}),
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/v1/chat/write`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'HT-Client-Id', value: sandbox.clientId },
					{ name: 'HT-Client-Secret', value: sandbox.clientSecret },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options,
		},
	};
}

/** A HappyTalk Trigger alone in its workflow (node "Customer message"), with its own Path Secret (if any). */
function triggerOnlyWorkflow({ id, name, webhookId, pathSecret, options, typeVersion = 1 }) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Customer message',
				type: 'n8n-nodes-happytalk.happyTalkTrigger',
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters: { pathSecret, options },
			},
		],
		connections: {},
	};
}

module.exports = { itemsWorkflow, sendTextNode, sendAndWaitNode, happyTalkTriggerNode, dialogWorkflow, httpWriteNode, triggerOnlyWorkflow, SANDBOX_CREDENTIAL_REFERENCE };
