import { memberProfileOperation } from '../group/getMemberProfile.operation';

/** Multi-person chats answer like groups. */
export const getMemberProfile = memberProfileOperation('room');
