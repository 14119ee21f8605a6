/**
 * Where n8n listens for a HappyTalk Trigger node of a saved workflow, as the node's webhook path
 * builds it (nodes/HappyTalkTrigger/versions.ts): version 2 repeats the webhook id inside the
 * path, version 1 does not. `receivePath` is what HappyTalk is given as the receive domain
 * (relative to n8n's URL); `webhookPath` is the path n8n registers, relative to /webhook/.
 */
const OWN_PATH_SINCE = 2;

function segments(node) {
	const secret = node.parameters?.pathSecret;
	return [node.webhookId, ...(node.typeVersion >= OWN_PATH_SINCE ? [node.webhookId] : []), ...(secret ? [secret] : [])];
}

const receivePath = (node) => `webhook/${segments(node).join('/')}`;
const webhookPath = (node) => `${segments(node).join('/')}/message/:uuid`;
/** The HappyTalk Trigger of a workflow (the first node with a webhook id). */
const triggerOf = (workflow) => workflow.nodes.find((node) => node.type === 'n8n-nodes-happytalk.happyTalkTrigger');

module.exports = { receivePath, webhookPath, triggerOf };
