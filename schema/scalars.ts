import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
builder.scalarType('File', {
  description: 'A file sent by the GraphQL multipart request spec',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
