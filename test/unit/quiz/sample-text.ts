/** Real study prose (encyclopedic facts, written for these tests) with names, years, numbers and terms. */
export const MADEIRA = `Madeira is a Portuguese archipelago in the North Atlantic Ocean, about 520 kilometres north of the Canary Islands.
The islands were discovered by Portuguese sailors in 1419, when João Gonçalves Zarco and Tristão Vaz Teixeira reached Porto Santo after a storm.
Prince Henry the Navigator sponsored the voyages that led to the settlement of the islands.
Settlement of Madeira began in 1420 under the direction of João Gonçalves Zarco, who founded the town of Machico.
Funchal became the capital of the archipelago and was granted city status in 1508.
The settlers cleared the dense laurel forest by fire, and the blaze is said to have burned for seven years.
Sugar cane was introduced in the fifteenth century, and by 1500 Madeira was the largest sugar producer in the Atlantic world.
Genoese merchants and Flemish traders bought most of the sugar exported from Funchal.
Christopher Columbus lived on Porto Santo for several years after marrying Filipa Moniz Perestrelo.
The highest peak of the island is Pico Ruivo, which rises to 1,862 metres above sea level.
The levadas are irrigation channels that carry water from the wet north of the island to the dry south.
Today the levadas extend for more than 2,150 kilometres and are popular with walkers.
Madeira wine is a fortified wine whose production became important after sugar declined in the seventeenth century.
British merchants dominated the wine trade in Funchal during the eighteenth century.
The Laurisilva forest of Madeira was declared a World Heritage Site by UNESCO in 1999.
About 20 percent of the island is still covered by the Laurisilva forest.
Madeira became an autonomous region of Portugal in 1976, with its own regional parliament in Funchal.
The population of the autonomous region is about 250,000 people, and roughly 105,000 live in Funchal.`;

export const PHOTOSYNTHESIS = `Photosynthesis is the process by which green plants convert light energy into chemical energy.
It takes place mainly in the chloroplasts of leaf cells, which contain the green pigment chlorophyll.
In the light-dependent reactions, water molecules are split and oxygen is released as a by-product.
The light-dependent reactions take place in the thylakoid membranes and produce ATP and NADPH.
The Calvin cycle uses ATP and NADPH to fix carbon dioxide into sugars in the stroma of the chloroplast.
The enzyme RuBisCO catalyses the first major step of carbon fixation in the Calvin cycle.
Jan Ingenhousz showed in 1779 that plants need sunlight to produce oxygen.
Melvin Calvin mapped the path of carbon in photosynthesis and received the Nobel Prize in Chemistry in 1961.
About 90 percent of the photosynthesis on Earth is carried out by plants and algae in the oceans and on land.
Chlorophyll absorbs mostly blue and red light and reflects green light, which is why leaves look green.
C4 plants such as maize concentrate carbon dioxide around RuBisCO and lose less water in hot climates.
CAM plants such as cacti open their stomata at night to limit water loss.
The stomata are small pores on the leaf surface that let carbon dioxide in and oxygen out.
Under ideal conditions, the efficiency of photosynthesis rarely exceeds 6 percent of incoming solar energy.`;

/** A table flattened to text: numbers with no sentences, which no question should come from. */
export const NUMBER_SOUP = `Missouri 5,884 21,135 22,852 1,004 1,060 0 11 16 0 1,131 1,754 3 99 11 4 33 25 6 0 3 0 55,031
Montana 852 2,848 5,170 90 197 10 1 4 6 391 828 1 11 4 0 0 2 0 0 0 0 10,415
Nebraska 4,258 173 3,724 23 10 0 1 0 0 5 96 1 7 0 0 0 0 1 0 0 0 8,299
Nevada 1,543 4,889 3,272 193 287 0 0 0 0 284 163 0 1 0 0 0 0 0 0 0 0 10,632`;
