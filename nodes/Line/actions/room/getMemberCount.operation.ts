import { memberCountOperation } from '../group/getMemberCount.operation';

/** Multi-person chats answer like groups. */
export const getMemberCount = memberCountOperation('room');
