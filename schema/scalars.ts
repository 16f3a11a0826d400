import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
// Budgets and usage count bytes and tokens, which pass GraphQL Int's 2^31 - 1.
builder.addScalarType('SafeInt', SafeIntResolver);
builder.scalarType('File', {
  description: 'A file sent by the GraphQL multipart request spec',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
