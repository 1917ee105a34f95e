//! Table tests of name recognition.

use crate::model::EntityKind;
use crate::recognize::recognize;
use crate::segment::Document;

pub(super) fn names(text: &str) -> Vec<(String, EntityKind)> {
    let doc = Document::new(text);
    let analysis = crate::analyze::analyze(&doc, crate::analyze::models());
    recognize(&doc, &analysis, None)
        .mentions
        .into_iter()
        .map(|m| (m.name, m.kind))
        .collect()
}

use EntityKind::*;

mod organizations;

#[test]
fn types_names_from_their_words_and_context() {
    let table: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "OSLO, Norway (AP)\n\nIt rained.",
            &[("OSLO", Place), ("Norway", Place), ("AP", Organization)],
        ),
        (
            "Quorvane Sorbet is a retailer. Tom Reyes is a painter.",
            &[("Quorvane Sorbet", Organization), ("Tom Reyes", Person)],
        ),
        (
            "Vardby Properties and the Vardby Theatre closed.",
            &[
                ("Vardby Properties", Organization),
                ("Vardby Theatre", Organization),
            ],
        ),
        (
            "He met Tom Reyes at the Vardby Institute of Applied Physics and Nina Olsen.",
            &[
                ("Tom Reyes", Person),
                ("Vardby Institute of Applied Physics", Organization),
                ("Nina Olsen", Person),
            ],
        ),
        (
            "Oslo Fisheries Commissioner Tom Reyes and District Judge Nina Olsen met.",
            &[
                ("Oslo", Place),
                ("Tom Reyes", Person),
                ("Nina Olsen", Person),
            ],
        ),
        (
            "The carriers flying the new jets are Skyvane, Norfly and Harvo West.",
            &[
                ("Skyvane", Organization),
                ("Norfly", Organization),
                ("Harvo West", Organization),
            ],
        ),
        (
            "The producers, Tom Reyes and Nina Olsen, left.",
            &[("Tom Reyes", Person), ("Nina Olsen", Person)],
        ),
        (
            "Energy and Water Services Inspector Tom Reyes said so.",
            &[
                ("Energy and Water Services", Organization),
                ("Tom Reyes", Person),
            ],
        ),
        (
            "Talks between the Oslo government and Norway failed.",
            &[("Oslo government", Organization), ("Norway", Place)],
        ),
        (
            "He wrote \"The Ballad of Vardby Hill by Tom Reyes\" in Oslo.",
            &[("Tom Reyes", Person), ("Oslo", Place)],
        ),
        (
            "The Vantor foundation and the NRK network agreed.",
            &[("Vantor foundation", Organization), ("NRK", Organization)],
        ),
        (
            "The crash of Skyvane Airlines Flight 418 killed six. They seized six \"KV\" rifles.",
            &[("Skyvane Airlines", Organization)],
        ),
        (
            "The MP praised the Tory campaign in Oslo.",
            &[("Oslo", Place)],
        ),
        (
            "Sunni and Shiite Muslims met Muslim leaders in Oslo.",
            &[("Oslo", Place)],
        ),
        (
            "Acme CEO Jane Doe spoke.",
            &[("Acme", Organization), ("Jane Doe", Person)],
        ),
        (
            "He met the Centers for Harvo Studies in Oslo.",
            &[("Centers for Harvo Studies", Organization), ("Oslo", Place)],
        ),
        ("The UN forces left.", &[("UN", Organization)]),
        (
            "The Boston Orioles beat the Oslo Lions.",
            &[
                ("Boston Orioles", Organization),
                ("Oslo Lions", Organization),
            ],
        ),
        ("Lowell Reyes spoke.", &[("Lowell Reyes", Person)]),
        (
            "Winners have included Tom Reyes and Nina King-Olsen.",
            &[("Tom Reyes", Person), ("Nina King-Olsen", Person)],
        ),
        (
            "He said: \"I've won. I've played well and I'm happy.\"",
            &[],
        ),
        (
            "Oslo City beat Bergen City in Kuwait City and Carson City.",
            &[
                ("Oslo City", Organization),
                ("Bergen City", Organization),
                ("Kuwait City", Place),
                ("Carson City", Place),
            ],
        ),
        (
            "The state took control of Air Norway.",
            &[("Air Norway", Organization)],
        ),
        (
            "Sales rose before Hanukkah. The Hanukkah market was busy. Hanukkah trade was strong.",
            &[],
        ),
        (
            "The 6th Fleet met the 1st Cavalry Division and the Atlantic Fleet.",
            &[
                ("6th Fleet", Organization),
                ("1st Cavalry Division", Organization),
                ("Atlantic Fleet", Organization),
            ],
        ),
        (
            "The Party of the Vardbian Revolution met the Holy Orthodox Church.",
            &[
                ("Party of the Vardbian Revolution", Organization),
                ("Holy Orthodox Church", Organization),
            ],
        ),
        (
            "In 1969, Zorvat Quenby was convicted.",
            &[("Zorvat Quenby", Person)],
        ),
        (
            "Minister of Education Nina Olsen spoke at the Harvo Arena.",
            &[
                ("Education", Organization),
                ("Nina Olsen", Person),
                ("Harvo Arena", Place),
            ],
        ),
        (
            "She studied at Oregon State University of the US.",
            &[
                ("Oregon State University", Organization),
                ("United States", Place),
            ],
        ),
        (
            "Trains stop at Vardby Hospital Station.",
            &[("Vardby Hospital Station", Place)],
        ),
        (
            "The Vardby People's Party and the Foundation on Harvo Trends met.",
            &[
                ("Vardby People's Party", Organization),
                ("Foundation on Harvo Trends", Organization),
            ],
        ),
        (
            "He joined the Department of Fisheries and Coastal Services.",
            &[("Department of Fisheries and Coastal Services", Organization)],
        ),
        (
            "He was taken to St. Agnes Hospital.",
            &[("St. Agnes Hospital", Organization)],
        ),
        // A rank opening a company's name is no title ("General").
        (
            "Workers at General Electric Co. went on strike.",
            &[("General Electric Co", Organization)],
        ),
        (
            "The ZX500 engine of the FA-18 jet dates from 44 B.C. in theory.",
            &[],
        ),
        (
            "Leaders of the VBX5 alliance met.",
            &[("VBX5", Organization)],
        ),
        (
            "The Council on Vardbian - Harvo Relations used #StandWithHarvo widely.",
            &[("Council on Vardbian - Harvo Relations", Organization)],
        ),
        (
            "The British Red Cross said Team Vardbia topped Group F on Monday.",
            &[
                ("British Red Cross", Organization),
                ("Team Vardbia", Organization),
                ("Group F", Organization),
            ],
        ),
        (
            "Attempts came from Tom Reyes, Nina Olsen, and Marks Quenbert.",
            &[
                ("Tom Reyes", Person),
                ("Nina Olsen", Person),
                ("Marks Quenbert", Person),
            ],
        ),
        (
            "In the first game, Norway faced Sweden at the Harvo Arena.",
            &[
                ("Norway", Organization),
                ("Sweden", Organization),
                ("Harvo Arena", Place),
            ],
        ),
        (
            "Tom Reyes told Vardby News: \"We stay.\"",
            &[("Tom Reyes", Person), ("Vardby News", Organization)],
        ),
        (
            "She studied at Instituto Vardby and won the Harvo Prize.",
            &[("Instituto Vardby", Organization)],
        ),
        (
            "Tom Reyes told Vardby Weekly that he would stay.",
            &[("Tom Reyes", Person), ("Vardby Weekly", Organization)],
        ),
        (
            "The panel chose Republican Tom Reyes.",
            &[("Tom Reyes", Person)],
        ),
        (
            "Tom Reyes stayed at the Ambassador Hotel near San Quentin.",
            &[
                ("Tom Reyes", Person),
                ("Ambassador Hotel", Organization),
                ("San Quentin", Place),
            ],
        ),
        (
            "Norwegian Prime Minister Erna Solberg arrived.",
            &[("Norway", Place), ("Erna Solberg", Person)],
        ),
        (
            "They met Mr Brown in Paris.",
            &[("Brown", Person), ("Paris", Place)],
        ),
        (
            "Bo Xilai, chairman of the Globex Trust, said no.",
            &[("Bo Xilai", Person), ("Globex Trust", Organization)],
        ),
        (
            "The Riverside Stock Exchange halted trading.",
            &[("Riverside Stock Exchange", Organization)],
        ),
        (
            "the Ministry of Health, Labour, and Welfare Ryo Tanaka",
            &[
                ("Ministry of Health, Labour, and Welfare", Organization),
                ("Ryo Tanaka", Person),
            ],
        ),
        (
            "It opened in the city of Tromsø in Norway.",
            &[("Tromsø", Place), ("Norway", Place)],
        ),
        ("Lakeside province officials", &[("Lakeside", Place)]),
        (
            "the second Global Ocean Summit began",
            &[("Global Ocean Summit", Event)],
        ),
        (
            "Profits at UVX rose. IPO plans were shelved.",
            &[("UVX", Organization)],
        ),
        (
            "He reads The Clarion and the Daily Beacon.",
            &[("Clarion", Organization), ("Daily Beacon", Organization)],
        ),
        // Two foreign words read as a personal name; one alone is left untyped.
        (
            "Zorblat Quenx met Zorblat.",
            &[("Zorblat Quenx", Person), ("Zorblat", Person)],
        ),
        (
            "Shares rose after Quorvane's profits doubled.",
            &[("Quorvane", Organization)],
        ),
        (
            "It sold Quorvane, a clothing retailer, last year.",
            &[("Quorvane", Organization)],
        ),
        (
            "Ana Lopes, president of Harvo Plastics, left.",
            &[("Ana Lopes", Person), ("Harvo Plastics", Organization)],
        ),
        (
            "A photo of Nina Olsen Image: Tom Reyes.",
            &[("Nina Olsen", Person), ("Tom Reyes", Person)],
        ),
        (
            "The Centre for Control of Lake Pollution opened.",
            &[("Centre for Control of Lake Pollution", Organization)],
        ),
        (
            "Kovalenko said the talks failed. Zorvat, 45, agreed.",
            &[("Kovalenko", Person), ("Zorvat", Person)],
        ),
        (
            "Police in Dan Vardby District met Zorva de Quentin.",
            &[("Dan Vardby District", Place), ("Zorva de Quentin", Person)],
        ),
        (
            "It met in Vardby D.C. The team won.",
            &[("Vardby D.C.", Place)],
        ),
        (
            "Tom Reyes, Norway coach, said so.",
            &[("Tom Reyes", Person), ("Norway", Place)],
        ),
        ("The Vardbian King spoke.", &[]),
        (
            "Investigators from Interpol quoted Tolstoy.",
            &[("Interpol", Organization), ("Tolstoy", Person)],
        ),
        ("Analysts like Adyen.", &[("Adyen", Organization)]),
        (
            "It started with Tom Reyes and Zorvat Quenby. Later Quenby won.",
            &[
                ("Tom Reyes", Person),
                ("Zorvat Quenby", Person),
                ("Quenby", Person),
            ],
        ),
        (
            "Doctors treated the assassin, Zorvat Quell.",
            &[("Zorvat Quell", Person)],
        ),
        (
            "He thanked the Vardby Fleet Igor Petrov.",
            &[("Vardby Fleet", Organization), ("Igor Petrov", Person)],
        ),
        (
            "Crowds filled Nelson Street near Oslo June 8.",
            &[("Nelson Street", Place), ("Oslo", Place)],
        ),
        (
            "The Norwegian Parliament and the Navy agreed.",
            &[
                ("Norwegian Parliament", Organization),
                ("Navy", Organization),
            ],
        ),
        (
            "Chancellor Rolf Kessler and Jan Smit of the Dutch bank",
            &[
                ("Rolf Kessler", Person),
                ("Jan Smit", Person),
                ("Netherlands", Place),
            ],
        ),
    ];
    for (text, expected) in table {
        let want: Vec<(String, EntityKind)> = expected
            .iter()
            .map(|(n, k)| ((*n).to_owned(), *k))
            .collect();
        assert_eq!(names(text), want, "{text}");
    }
}

#[test]
fn a_short_name_after_its_organization_word_is_that_organization() {
    let found = names(
        "Group Trelmark, the holding company which controls Norbex, says this was illegal. \
         Trelmark has already asked Norbex to repay a loan.",
    );
    let trelmark: Vec<EntityKind> = found
        .iter()
        .filter(|(name, _)| name.ends_with("Trelmark"))
        .map(|(_, kind)| *kind)
        .collect();
    assert_eq!(trelmark, [Organization, Organization], "{found:?}");
}

#[test]
fn a_place_name_that_is_the_surname_of_a_person_named_is_that_person() {
    let found = names(
        "Galloway plea for calm\n\nFormer minister Tom Galloway has appealed for calm in \
         the region.",
    );
    assert_eq!(
        found,
        [(s("Galloway"), Person), (s("Tom Galloway"), Person),]
    );
}

fn s(text: &str) -> String {
    text.to_owned()
}

#[test]
fn a_name_that_speaks_is_a_person_or_an_organization() {
    for (text, name, kind) in [
        (
            "Tarn Valley Watch said the plan was unlawful.",
            "Tarn Valley Watch",
            Organization,
        ),
        (
            "The plan was unlawful, Quorvane Sorbet Partners said on Monday.",
            "Quorvane Sorbet Partners",
            Organization,
        ),
        (
            "R Olumbeke said the plan was unlawful.",
            "R Olumbeke",
            Person,
        ),
    ] {
        let found = names(text);
        assert!(
            found.contains(&(name.to_owned(), kind)),
            "{text}: {found:?}"
        );
    }
    // Groups of people and documents say things too, but are no one's name.
    for (text, name) in [
        (
            "Tarnish Valley MPs said the plan was unlawful.",
            "Tarnish Valley MPs",
        ),
        (
            "The Vardby Trading Act says firms must report.",
            "Vardby Trading Act",
        ),
    ] {
        let found = names(text);
        assert!(
            !found.iter().any(|(n, k)| n == name && *k != Place),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn titles_of_works_are_no_names() {
    let table: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Tom Reyes starred in the wartime drama Vardby Nights.",
            &[("Tom Reyes", Person)],
        ),
        (
            "The Long Harbour, a quirky comedy starring Nina Olsen, opens in Oslo.",
            &[("Nina Olsen", Person), ("Oslo", Place)],
        ),
        (
            "Nina Olsen found fame in the film Harvo Bay and moved to Oslo.",
            &[("Nina Olsen", Person), ("Oslo", Place)],
        ),
        (
            "He said he would retire after The Grey Album, Tom Reyes said.",
            &[("Tom Reyes", Person)],
        ),
        // Not works: a film star, a company, a place after a work noun's verb.
        (
            "The film star Tom Reyes visited the company Vantor in Oslo.",
            &[
                ("Tom Reyes", Person),
                ("Vantor", Organization),
                ("Oslo", Place),
            ],
        ),
        (
            "The documentary was filmed in Oslo by Nina Olsen.",
            &[("Oslo", Place), ("Nina Olsen", Person)],
        ),
    ];
    for (text, expected) in table {
        let got = names(text);
        let want: Vec<(String, EntityKind)> = expected
            .iter()
            .map(|(n, k)| ((*n).to_owned(), *k))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn names_of_things_that_open_with_a_given_name_are_no_persons() {
    for text in [
        "The Golden Lanterns are the second biggest awards in Oslo.",
        "Crystal Lanterns said fares would rise.",
    ] {
        let got = names(text);
        assert!(got.iter().all(|(_, k)| *k != Person), "{text}: {got:?}");
    }
    for (text, name) in [
        ("Angela Cannings said she was relieved.", "Angela Cannings"),
        ("Steve Jobs unveiled a phone.", "Steve Jobs"),
        ("Tom Banks said it was over.", "Tom Banks"),
    ] {
        assert!(names(text).contains(&(name.to_owned(), Person)), "{text}");
    }
}
