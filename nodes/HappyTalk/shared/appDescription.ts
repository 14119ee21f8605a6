/**
 * n8n's nodes panel shows the HappyTalk node and HappyTalk Trigger as one entry, "HappyTalk", and
 * gives it the trigger's description (editor-ui `useActionsGeneration`: "default to trigger
 * description"). So both nodes carry this one sentence about the whole integration; what the
 * trigger alone does is its event's description.
 */
export const APP_DESCRIPTION =
	"Open HappyTalk counseling rooms, send messages, read counseling history and start workflows on customers' messages";
