import type { SourceChunk } from '../../../src/conversations/engine/types.ts';

/** Three chunks as retrieval would hand them over: two about Madeira, one off-topic. */
export const MADEIRA_SOURCES: SourceChunk[] = [
  {
    chunkId: 'c-geo',
    documentId: 'd-guide',
    documentTitle: 'Atlantic Islands Guide',
    pageStart: 3,
    pageEnd: 3,
    score: 0.92,
    text:
      'Madeira\n\nMadeira is a Portuguese archipelago in the North Atlantic Ocean, about 520 kilometres west ' +
      'of the coast of Morocco. The main island, also called Madeira, has an area of 741 square kilometres and ' +
      'is the largest island of the group.\n\nIts capital is Funchal, a port city on the south coast. Funchal ' +
      'has been the administrative centre of the archipelago since the fifteenth century.',
  },
  {
    chunkId: 'c-history',
    documentId: 'd-guide',
    documentTitle: 'Atlantic Islands Guide',
    pageStart: 4,
    pageEnd: 5,
    score: 0.81,
    text:
      'Portuguese sailors in the service of Prince Henry the Navigator reached the islands in 1419. ' +
      'The first settlement on Madeira island was founded by João Gonçalves Zarco, Tristão Vaz Teixeira and ' +
      'Bartolomeu Perestrelo around 1420. In the following decades the settlers cleared the  forests with fire,\n' +
      'and sugar cane became the main export crop by the end of the fifteenth century.',
  },
  {
    chunkId: 'c-volcano',
    documentId: 'd-geology',
    documentTitle: 'Introduction to Volcanology',
    pageStart: 12,
    pageEnd: 12,
    score: 0.44,
    text:
      'Shield volcanoes are built almost entirely of fluid basaltic lava flows. Their slopes are gentle ' +
      'because the lava travels far before it cools. Hotspot volcanoes form where a plume of hot mantle ' +
      'rises beneath a moving tectonic plate.',
  },
];
