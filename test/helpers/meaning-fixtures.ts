/**
 * Text where meaning and word overlap disagree, for the offline engines on a real embedding model: a
 * question whose words a wrong sentence repeats, and island notes naming six gases and five rocks (each
 * twice, so they are key terms of the room), where a distractor of the answer's kind is a gas for a gas.
 */

/** One page: the sentence repeating the question's words comes first, the one that answers later. */
export const VENTS_PAGE = [
  'Tourists photograph the volcanic vents from the crater rim every morning.',
  'The path to the rim is steep.',
  'Samples were taken over three years.',
  'The vents release mostly neon, with traces of argon and helium.',
];
export const VENTS_QUESTION = 'Which gas do the volcanic vents release?';

export const ISLAND_NOTES = [
  'The northern vents release mostly argon, according to the first survey of the island.',
  'The argon readings doubled after the spring eruption.',
  'The southern vents release helium in small amounts during the dry season.',
  'Balloons at the fair were filled with helium from the mainland.',
  'Surveyors measured krypton near the crater twice during the long winter.',
  'The krypton samples were sent to the university for testing.',
  'A cave below the summit holds xenon that collects after every eruption.',
  'Visitors are warned that the xenon in the cave is heavier than air.',
  'The glowing signs in the harbour town are filled with neon from the mainland.',
  'The neon signs were switched off during the storm.',
  'Miners found radon in the old tunnels and closed them for good.',
  'The radon levels in the tunnels are checked every year.',
  'The lighthouse stands on sandstone cliffs above the fishing harbour.',
  'The sandstone is soft and wears away in the winter storms.',
  'The harbour wall is made of granite carried from the western quarry.',
  'The granite blocks were cut by hand.',
  'The church on the hill was built from limestone cut by the first settlers.',
  'Rain has stained the limestone of the church tower.',
  'Dark basalt forms the columns along the northern coast of the island.',
  'The basalt columns attract many tourists each summer.',
  'The town hall has a staircase of white marble brought by ship.',
  'The marble steps are polished every month.',
];

const GASES = new Set(['argon', 'helium', 'krypton', 'xenon', 'neon', 'radon']);
const ROCKS = new Set(['sandstone', 'granite', 'limestone', 'basalt', 'marble']);

/**
 * Over the multiple-choice questions whose answer is a gas or a rock (or only a rock): how many wrong
 * options are of the answer's kind, out of how many. bge-small puts single rock names close together
 * (cosine 0.72-0.79, vs <= 0.66 to anything else) and gases only loosely (0.57-0.68), so rocks are the
 * sharper check.
 */
export function sameKindDistractors(
  questions: Array<{ kind: string; answer: string | null; options: string[] }>,
  only: 'gases and rocks' | 'rocks' = 'gases and rocks',
) {
  const kinds = only === 'rocks' ? [ROCKS] : [GASES, ROCKS];
  let same = 0;
  let total = 0;
  for (const q of questions) {
    const kind = kinds.find((k) => q.kind === 'MULTIPLE_CHOICE' && k.has(q.answer?.toLowerCase() ?? ''));
    if (!kind) continue;
    for (const option of q.options.filter((o) => o !== q.answer)) {
      total++;
      if (kind.has(option.toLowerCase())) same++;
    }
  }
  return { same, total };
}
