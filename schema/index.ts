import { builder } from './builder.ts';
import './scalars.ts';
import './user.ts';
import './room.ts';
import '../resolvers/auth.ts';
import '../resolvers/rooms.ts';

export const schema = builder.toSchema();
