import { builder } from './builder.ts';
import './scalars.ts';
import './user.ts';
import './room.ts';
import './document.ts';
import '../resolvers/auth.ts';
import '../resolvers/rooms.ts';
import '../resolvers/documents.ts';

export const schema = builder.toSchema();
