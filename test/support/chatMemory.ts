/**
 * The memory docs/queue-mode.md recommends for the AI Agent example in queue mode, node by node, with
 * the settings it gives: the session key is the room, as in the example's Simple Memory.
 */
export const ROOM_KEY = "={{ $('Customer message').item.json.roomId }}";
export const CONTEXT_WINDOW_LENGTH = 10;
/** Postgres Chat Memory: a table of its own (n8n creates it on first use). */
export const POSTGRES_MEMORY_TABLE = 'happytalk_chat_memory';
/** Redis Chat Memory: a prefix keeps the rooms apart from any other key; 30 days without a message end a session. */
export const REDIS_ROOM_KEY = "=happytalk:room:{{ $('Customer message').item.json.roomId }}";
export const REDIS_SESSION_TTL_SECONDS = 30 * 24 * 3600;

export function chatMemoryNode(memory: 'postgres' | 'redis') {
	return memory === 'postgres'
		? {
				type: '@n8n/n8n-nodes-langchain.memoryPostgresChat',
				typeVersion: 1.3,
				parameters: { sessionIdType: 'customKey', sessionKey: ROOM_KEY, tableName: POSTGRES_MEMORY_TABLE, contextWindowLength: CONTEXT_WINDOW_LENGTH },
			}
		: {
				type: '@n8n/n8n-nodes-langchain.memoryRedisChat',
				typeVersion: 1.5,
				parameters: { sessionIdType: 'customKey', sessionKey: REDIS_ROOM_KEY, sessionTTL: REDIS_SESSION_TTL_SECONDS, contextWindowLength: CONTEXT_WINDOW_LENGTH },
			};
}
