import { builder } from './builder.ts';
import './scalars.ts';
import './user.ts';
import './room.ts';
import './document.ts';
import './conversation.ts';
import './quiz.ts';
import './live.ts';
import './deck.ts';
import '../resolvers/auth.ts';
import '../resolvers/rooms.ts';
import '../resolvers/documents.ts';
import '../resolvers/conversations.ts';
import '../resolvers/quizzes.ts';
import '../resolvers/live.ts';
import '../resolvers/flashcards.ts';

export const schema = builder.toSchema();
