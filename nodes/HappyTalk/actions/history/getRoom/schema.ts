import { z } from 'zod/v3';

import { roomIdField } from '../../../shared/fields';
import { boundedText } from '../../../shared/text';

export const getRoomWireFields = { room_id: roomIdField };

export const getRoomBody = z.object({ room_id: boundedText(roomIdField) }).strict();
