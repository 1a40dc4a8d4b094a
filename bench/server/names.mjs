// Word lists for the benchmark's company names: thousands of distinct first words (surnames,
// places and made-up brand words), a few hundred second words, and the trades and legal forms
// real registrations carry. ASCII only, and nothing the name normaliser would drop, so keys
// computed in SQL equal the server's (the benchmark checks that).

const surnames =
  `Abbott Acosta Adler Albrecht Aldridge Alvarez Ambrose Andersen Archer Armstrong Ashford Atkinson
Bachmann Bailey Baker Baldwin Banerjee Barlow Barrett Bauer Beaumont Becker Bell Bennett Berger Bishop Blackwood
Blake Bowen Bradley Brandt Brennan Briggs Brooks Buchanan Burke Byrne Caldwell Campbell Carlsen Carter Castillo
Chandler Chen Clarke Coleman Collins Conrad Cooper Crawford Cruz Dalton Davies Delgado Dixon Donovan Doyle Drake
Duarte Dunbar Eastwood Eckert Edwards Ellison Emerson Engel Evans Falk Farrell Fischer Fitzgerald Fleming Fletcher
Forbes Fowler Franke Fraser Fuller Gallagher Garrison Gibson Gilbert Goodwin Gordon Graham Grant Griffin Gupta
Hale Hamilton Hansen Harding Harper Hartmann Hayes Hendricks Hoffmann Holland Horvath Howell Hughes Hunter Ingram
Iyer Jackson Jansen Jensen Jordan Kaiser Keller Kennedy Khan Kimura Klein Knight Koch Kowalski Kramer Lambert
Lang Larsen Lawson Lehmann Lindberg Lloyd Lorenz Lowe Lucas Lynch Madsen Maier Mallory Marsh Martens Mason Maxwell
Mercer Meyer Mills Mitchell Moreau Morgan Morrison Murphy Nakamura Nash Neumann Newton Nielsen Nolan Norris Novak
Olsen Osborne Owens Palmer Parker Patel Pearson Pereira Perkins Peters Pierce Porter Powell Quinn Ramsey Reyes
Richter Riley Robertson Rowe Russo Sanders Santos Sato Sawyer Schmidt Schneider Schultz Sharma Shaw Sherman Silva
Simmons Sinclair Sorensen Spencer Stanton Stark Steele Sterling Stone Sullivan Suzuki Tanaka Thornton Tucker
Turner Vance Vargas Vogel Wagner Walsh Ward Warren Watts Weber Webster Wheeler Whitaker Wilkins Winter Wolfe
Wright Yamamoto Young Zimmermann`.split(/\s+/);

const places =
  `Aberdeen Alder Alpine Amber Anchor Apex Arbor Ardent Ashgrove Aspen Atlas Aurora Avalon Bayfront Baywood
Beacon Bedrock Birch Blackstone Bluewater Boulder Bramble Breakwater Briar Brightwater Brookside Cambridge Canyon
Cascade Cedar Chesapeake Clearview Cliffside Cobalt Copper Coral Cornerstone Cottonwood Cove Crescent Crestview
Cypress Delta Derwent Driftwood Dune Eagle Elm Ember Emerald Everest Fairview Falcon Fern Fjord Foxhill Frontier
Glacier Glen Granite Greystone Harbor Hawthorne Heather Highland Hillcrest Horizon Hudson Ironwood Ivy Jade Juniper
Keystone Lakeside Larch Laurel Lexington Lighthouse Linden Magnolia Mahogany Maple Marble Meadow Meridian Mesa Mill
Monarch Moss Northfield Oakmont Obsidian Onyx Orchard Osprey Paragon Pebble Pinnacle Pinewood Prairie Quarry Raven
Redwood Ridgeline Riverside Rockport Rosewood Saddle Sage Sandstone Sapphire Sequoia Shoreline Sierra Silverado
Skyline Slate Spruce Stonebridge Summerset Sunrise Tamarack Thistle Timber Topaz Trailhead Tundra Valley Vista
Westbrook Whitewater Wildwood Willow Windward Woodland Yarrow Zephyr`.split(/\s+/);

// Made-up brand words from syllables: Kelvora, Tramix, Brizent, ...
const onsets = [
  'b',
  'br',
  'c',
  'cl',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'qu',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'eo', 'y'];
const codas = ['', 'n', 'x', 'r', 'l', 'm', 'nt', 'st', 'rk', 'v'];
const endings = ['a', 'o', 'ix', 'ex', 'ia', 'on', 'us', 'ent', 'ora', 'ify', 'io', 'ara'];
function coined(count, seed) {
  const out = new Set();
  let a = seed;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  while (out.size < count) {
    const word = pick(onsets) + pick(vowels) + pick(codas) + pick(onsets) + pick(endings);
    out.add(word[0].toUpperCase() + word.slice(1));
  }
  return [...out];
}

export const firstWords = [...new Set([...surnames, ...places, ...coined(4000, 7)])];
export const secondWords = [
  ...places.slice(0, 60),
  ...coined(300, 99),
  ...`North South East West Bay River Peak Valley Ridge Park Point Hill Lake Creek Harbour Field Stone Bridge Gate Street`.split(
    ' ',
  ),
];
export const trades =
  `Logistics Systems Solutions Group Technologies Health Foods Energy Partners Labs Media Retail Motors
Insurance Consulting Analytics Software Networks Holdings Pharma Biotech Steel Textiles Realty Airlines Freight Bank
Clinics Robotics Dynamics Engineering Construction Hospitality Hotels Brewing Dairy Farms Mining Chemicals Plastics
Packaging Printing Publishing Education Academy Security Telecom Wireless Semiconductors Devices Instruments
Aerospace Marine Shipping Transport Foods Bakery Apparel Furniture Interiors Architects Legal Advisors Capital
Ventures Investments Finance Payments Cloud Data Digital Studios Games Entertainment`.split(/\s+/);
export const legalForms = [
  '',
  '',
  '',
  'Inc.',
  'LLC',
  'Ltd',
  'Corp.',
  'GmbH',
  'AG',
  'S.A.',
  'B.V.',
  'Pty Ltd',
  'PLC',
  'Inc',
  'Limited',
  'SAS',
  'Oy',
  'AB',
  'K.K.',
  'S.p.A.',
];
