//! News-like text for the analysis bench and `examples/ent_speed.rs`: the
//! sample corpus plus paragraphs written for this purpose, repeated with
//! name substitutions into articles of about 3.5 KB (the size the design
//! targets), about 4 MB in all.

const CORPUS: &[&str] = &[
    include_str!("../../assets/corpus/000_033ed65498691356.txt"),
    include_str!("../../assets/corpus/003_02426ad812dd9c00.txt"),
];

const PARAGRAPHS: &[&str] = &[
    "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Tuesday, the State Department said. \
     Blinken told reporters that the talks were “candid and constructive.” Dr. Maria Gonzalez of Georgetown University said the meeting marked a thaw.",
    "Shares of Apple Inc. rose 3.5% after the company reported record iPhone sales, while Microsoft Corp. fell. \
     Analyst Jane O’Connor of Morgan Stanley said investors in New York and London were “cautiously optimistic.” \
     Apple’s chief executive, Tim Cook, said demand in India and Brazil remained strong.",
    "Heavy rain flooded parts of Jakarta and the surrounding West Java province on Jan. 5, the National Disaster Mitigation Agency said. \
     Officials in Bandung evacuated 1,200 residents. President Joko Widodo ordered the army to help, and the Red Cross opened shelters near the Ciliwung River.",
    "The European Commission fined Google €2.4 billion, accusing the company of abusing its dominance. \
     Margrethe Vestager, the EU’s competition commissioner, told a news conference in Brussels that Google had broken the rules. \
     Google said it would appeal to the General Court in Luxembourg.",
    "Manchester United beat Real Madrid 2-1 at Old Trafford on Saturday. Striker Marcus Rashford scored twice, and coach Erik ten Hag praised the team. \
     “We played with courage,” Rashford told BBC Sport. The Premier League leaders travel to Paris next week.",
    "In Lagos, the Nigerian central bank raised interest rates for the fifth time this year. Governor Olayemi Cardoso said inflation had to come down. \
     The naira weakened against the dollar, traders at Zenith Bank and First Bank of Nigeria said, and the Lagos Stock Exchange closed lower.",
];

const NAMES: &[(&str, &str)] = &[
    ("Putin", "Medvedev"),
    ("Kursk", "Belgorod"),
    ("Blinken", "Sullivan"),
    ("Apple", "Samsung"),
    ("Jakarta", "Surabaya"),
    ("Rashford", "Garnacho"),
];

/// About 4 MB of news-like articles of ~3.5 KB each.
pub fn articles() -> Vec<String> {
    let mut pool: Vec<String> = CORPUS.iter().map(|s| s.to_string()).collect();
    pool.extend(PARAGRAPHS.iter().map(|s| s.to_string()));
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0usize;
    while total < 4 << 20 {
        // Build an article of ~3.5 KB from the pool, varying names.
        let mut art = String::new();
        while art.len() < 3500 {
            let mut p = pool[i % pool.len()].clone();
            let (a, b) = NAMES[(i / pool.len()) % NAMES.len()];
            if i % 2 == 1 {
                p = p.replace(a, b);
            }
            art.push_str(&p);
            art.push_str("\n\n");
            i += 1;
        }
        total += art.len();
        out.push(art);
    }
    out
}
