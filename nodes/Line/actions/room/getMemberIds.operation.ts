import { memberIdsOperation } from '../group/getMemberIds.operation';

/** Multi-person chats answer like groups. */
export const getMemberIds = memberIdsOperation('room');
