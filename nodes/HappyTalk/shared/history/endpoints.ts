/** The customer API's paths (customer-api.md, "Endpoints at a glance"). */
export const CUSTOMER_API_ENDPOINTS = {
	roomById: '/user/api/chat_data/format/json',
	roomsByUuid: '/user/api/chat_lists/format/json',
	roomsByCustomerId: '/user/api/chat_list_for_userid/format/json',
	roomList: '/user/api/chat_room_lists/format/json',
	setUserInfo: '/user/api/set_user_info/format/json',
} as const;
