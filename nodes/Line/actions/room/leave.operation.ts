import { leaveOperation } from '../group/leave.operation';

/** Multi-person chats answer like groups. */
export const leave = leaveOperation('room');
