//! Table tests of statements: direct, reported and continued quotations, "according to",
//! and who the speaker is.

use super::*;

#[test]
fn statements_direct_reported_and_continued() {
    type Row<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);
    let table: &[Row] = &[
        // Two subjects read for one verb: the one nearest before it speaks.
        (
            "Norway's financial watchdog Vardtilsynet told reporters it had opened an inquiry.",
            &[("Vardtilsynet", "indirect", "it had opened an inquiry")],
        ),
        // ... but a title set off by commas after a name is its apposition, misread as
        // a second subject: the person speaks, not the bank the title is at.
        (
            "Tom Reyes, US chief economist at Vantor Capital & Investment Banking, said \
             January's figures were decent.",
            &[("Tom Reyes", "indirect", "January's figures were decent")],
        ),
        // A name in a clause describing the subject is not the subject.
        (
            "Vardby Coal has reported a loss. The company, led by new chief executive \
             Nina Olsen, said it hoped to return to profit in 2006.",
            &[(
                "Vardby Coal",
                "indirect",
                "it hoped to return to profit in 2006",
            )],
        ),
        // The content keeps the bracket it opens, and stops before a second act of
        // speech.
        (
            "Vantor warned the move would cut its profits by $3.8m (£2m).",
            &[(
                "Vantor",
                "indirect",
                "the move would cut its profits by $3.8m (£2m)",
            )],
        ),
        (
            "Vantor said accounting errors had forced the move, adding that its board \
             would review the books.",
            &[(
                "Vantor",
                "indirect",
                "accounting errors had forced the move",
            )],
        ),
        (
            "Nina Olsen admitted she misled MPs when she denied the bank had been involved.",
            &[(
                "Nina Olsen",
                "indirect",
                "she misled MPs when she denied the bank had been involved",
            )],
        ),
        // An organization named with its abbreviation after the speaker.
        (
            "“The story this year is all about digital,” Tom Reyes, from the Vardby \
             Electronics Association (VEA) told the BBC.",
            &[(
                "Tom Reyes",
                "direct",
                "The story this year is all about digital",
            )],
        ),
        // "The company" is not who was told: the BBC is the listener.
        (
            "Vantor may sue over the delays. Flights were affected for an hour on \
             Wednesday. Long-haul travellers were not disrupted. Tom Reyes, a Vantor \
             spokesman, told the BBC. Mr Reyes explained that the airport was not to \
             blame. The company said that it had to cancel 77 flights.",
            &[
                ("Tom Reyes", "indirect", "the airport was not to blame"),
                ("Vantor", "indirect", "it had to cancel 77 flights"),
            ],
        ),
        // "he" after a sentence whose subject is a description with the name apposed
        // after a comma is that person.
        (
            "Vardby chairman Erik Dahl said the federation would appeal. Nina Olsen's \
             lawyer, Tom Reyes, reacted angrily to Dahl's comments. \
             “Comments like these only help our case,” he told Vardby Sport.",
            &[
                ("Erik Dahl", "indirect", "the federation would appeal"),
                (
                    "Tom Reyes",
                    "direct",
                    "Comments like these only help our case",
                ),
            ],
        ),
        // Words before an attribution are said only if they make a clause of their
        // own: not a phrase of time or topic, nor a clause that only sets the scene.
        (
            "Earlier this month, Vantor Group agreed to buy Zintrex for $16bn.",
            &[],
        ),
        (
            "On the subject of the club's captain, Tom Reyes revealed Vantor FC had made \
             no offer.",
            &[("Tom Reyes", "indirect", "Vantor FC had made no offer")],
        ),
        // … but a headline needs no verb.
        (
            "No tax rise this year, says Nina Olsen\n\nThe minister spoke on Monday.",
            &[("Nina Olsen", "indirect", "No tax rise this year")],
        ),
        // A question put to the speaker and a condition report nothing said.
        (
            "When asked if Erik Dahl would stay, Tom Reyes said: “I sincerely hope he will.”",
            &[("Tom Reyes", "direct", "I sincerely hope he will.")],
        ),
        (
            "The key is if Erik Dahl comes out and says that he is happy.",
            &[],
        ),
        // A date right after the verb is when it was said.
        (
            "Nina Olsen said in November 2003 she would stand down.",
            &[("Nina Olsen", "indirect", "she would stand down")],
        ),
        (
            "The book claims Mr Reyes said in November 2003 he would quit before the next \
             election.",
            &[(
                "Reyes",
                "indirect",
                "he would quit before the next election",
            )],
        ),
        // After the verb only a phrase or an object: no words said.
        (
            "Tom Reyes explained his reasons to his constituents at a meeting in Leeds.",
            &[],
        ),
        ("Nina Olsen explained in an interview with the BBC.", &[]),
        // After the verb only a phrase of where: the words said come before it.
        (
            "Vantor's feud with Zintrex is damaging the industry, Nina Olsen has claimed in a \
             heated debate.",
            &[(
                "Nina Olsen",
                "indirect",
                "Vantor's feud with Zintrex is damaging the industry",
            )],
        ),
        (
            "“We will grow,” said Maria Olsen.",
            &[("Maria Olsen", "direct", "We will grow")],
        ),
        // "According to X" inside its clause: the clause without the phrase.
        (
            "The problem, according to Tom Lane, is the divisions over taxes.",
            &[(
                "Tom Lane",
                "indirect",
                "The problem is the divisions over taxes",
            )],
        ),
        // A quoted fragment inside reported words: the reported clause is the
        // statement, not the fragment.
        (
            "Ministers had to be sure councils could deliver without “unreasonable tax \
             increases”, Tom Reyes added.",
            &[(
                "Tom Reyes",
                "indirect",
                "Ministers had to be sure councils could deliver without “unreasonable tax increases",
            )],
        ),
        // A speaker described by a place and an office.
        (
            "“It might sound great,” said Vardby City Councillor Tom Reyes.",
            &[("Tom Reyes", "direct", "It might sound great")],
        ),
        // A paragraph left open runs on into the quotation that opens the next.
        (
            "“The biggest problem is the polls.\n\n“It might sound great,” said Tom Reyes.",
            &[
                ("Tom Reyes", "direct", "The biggest problem is the polls"),
                ("Tom Reyes", "direct", "It might sound great"),
            ],
        ),
        // What was not (yet) said is no statement.
        (
            "The Tories have promised tax cuts but have yet to say where they will fall.",
            &[],
        ),
        (
            "Tom Reyes declined to say whether Zintrex Group would close the plant.",
            &[],
        ),
        // The words start after the "that" a phrase of where or to whom precedes.
        (
            "Zintrex Group said in a statement to the Oslo stock exchange that Vantor Bank \
             will pay 40m crowns.",
            &[(
                "Zintrex Group",
                "indirect",
                "Vantor Bank will pay 40m crowns",
            )],
        ),
        (
            "“We will grow fast,” she said, according to nobody. Maria Olsen smiled.",
            &[],
        ),
        (
            "However, Mr Tom Reyes said the plan of Ana Lopes would fail.\n\n“It is too late,” he argued.",
            &[
                ("Tom Reyes", "indirect", "the plan of Ana Lopes would fail"),
                ("Tom Reyes", "direct", "It is too late"),
            ],
        ),
        (
            "Party sources told the Vardby Times the vote was lost. They said it would be held again.",
            &[],
        ),
        (
            "Maria Olsen spoke. “Sales will rise this year,” she said.",
            &[("Maria Olsen", "direct", "Sales will rise this year")],
        ),
        (
            "“Costs will rise,” energy experts Tom Reyes and Ana Lopes of the Vardby Institute wrote. “Prices will follow soon.”",
            &[
                ("Tom Reyes", "direct", "Costs will rise"),
                ("Tom Reyes", "direct", "Prices will follow soon."),
            ],
        ),
        (
            "Tom Reyes, a former adviser, said the plan of Ana Lopes would fail.\n\n“It is too late for that,” he told reporters.",
            &[
                ("Tom Reyes", "indirect", "the plan of Ana Lopes would fail"),
                ("Tom Reyes", "direct", "It is too late for that"),
            ],
        ),
        (
            "Tom Reyes said in a statement that “costs will rise sharply this year.”",
            &[("Tom Reyes", "direct", "costs will rise sharply this year.")],
        ),
        (
            "“I got into a panic,” Ana Lopes, 33, said of the fire.",
            &[("Ana Lopes", "direct", "I got into a panic")],
        ),
        (
            "Chemist Nina Park wrote to her 9,000 readers, “It is time to go,” and shared a link.",
            &[("Nina Park", "direct", "It is time to go")],
        ),
        (
            "Tom Reyes said of the board: “They need to act now.”",
            &[("Tom Reyes", "direct", "They need to act now.")],
        ),
        (
            "Ana Lopes spoke. She issued a statement, saying, “We will return.”",
            &[("Ana Lopes", "direct", "We will return.")],
        ),
        (
            "Nina Park said, “It is time we change,” promising a return.",
            &[("Nina Park", "direct", "It is time we change")],
        ),
        (
            "Maria Olsen warned that prices would rise.",
            &[("Maria Olsen", "indirect", "prices would rise")],
        ),
        (
            "Prices will rise sharply next year, Zintrex CEO Maria Olsen told investors.",
            &[(
                "Maria Olsen",
                "indirect",
                "Prices will rise sharply next year",
            )],
        ),
        (
            "Tom Reyes, chairman of Zintrex Group, argued that costs were too high.",
            &[("Tom Reyes", "indirect", "costs were too high")],
        ),
        (
            "Zintrex Group reported on Friday that profits fell sharply.",
            &[("Zintrex Group", "indirect", "profits fell sharply")],
        ),
        ("Zintrex Group announced new rules.", &[]),
        (
            "“Costs will fall,” Maria Olsen, Zintrex's chief executive, said.",
            &[("Maria Olsen", "direct", "Costs will fall")],
        ),
        (
            "“Costs will fall,” said former Norway Gov. Tom Reyes.",
            &[("Tom Reyes", "direct", "Costs will fall")],
        ),
        (
            "Tom Reyes told Zintrex Group, “Costs will fall soon.”",
            &[("Tom Reyes", "direct", "Costs will fall soon")],
        ),
        (
            "Tom Reyes said that prices would rise again soon. “Demand is strong,” “It will last.”",
            &[
                ("Tom Reyes", "indirect", "prices would rise again soon"),
                ("Tom Reyes", "direct", "Demand is strong"),
                ("Tom Reyes", "direct", "It will last."),
            ],
        ),
        (
            "“Costs will fall,” but Tom Reyes also warned that demand was weak.",
            &[("Tom Reyes", "indirect", "demand was weak")],
        ),
        (
            "Maria Olsen said on Monday that sales rose 5%.",
            &[("Maria Olsen", "indirect", "sales rose 5%")],
        ),
        ("On March 3, Maria Olsen announced new fees.", &[]),
        (
            "Tom Reyes is said to have been impressed by the offer from Vardby.",
            &[],
        ),
        (
            "In an interview with the Vardby Times, Tom Reyes said his officers would need more evidence.",
            &[(
                "Tom Reyes",
                "indirect",
                "his officers would need more evidence",
            )],
        ),
        (
            "Sales will rise next year, said Tom Reyes, chief executive of Zintrex Corp.",
            &[("Tom Reyes", "indirect", "Sales will rise next year")],
        ),
        (
            "Tom Reyes told the newspaper: “It could be used as evidence.\n\n“We will see.”",
            &[
                ("Tom Reyes", "direct", "It could be used as evidence"),
                ("Tom Reyes", "direct", "We will see"),
            ],
        ),
        (
            "Maria Olsen spoke. She added: “It is good to be back in Vardby.\n\n“I want to stay.”",
            &[
                ("Maria Olsen", "direct", "It is good to be back in Vardby"),
                ("Maria Olsen", "direct", "I want to stay"),
            ],
        ),
        (
            "Tom Reyes, from Zintrex Corp, told the BBC News website there are two ways to fix it.",
            &[("Tom Reyes", "indirect", "there are two ways to fix it")],
        ),
        (
            "Tom Reyes spoke. It is hard to know who they say they are when they are online.",
            &[],
        ),
        (
            "Zintrex Group rallied its staff on Monday, saying: “We will not close the plant.”",
            &[("Zintrex Group", "direct", "We will not close the plant.")],
        ),
        (
            "Tom Reyes tweeted on Friday to say he had never met Ana Lopes.",
            &[("Tom Reyes", "indirect", "he had never met Ana Lopes")],
        ),
        (
            "A spokesman for Zintrex Group said the plant would close in May.",
            &[("Zintrex Group", "indirect", "the plant would close in May")],
        ),
        (
            "The analyst, Ana Lopes, said prices would fall.",
            &[("Ana Lopes", "indirect", "prices would fall")],
        ),
        ("Maria Olsen asked whether the bank would pay.", &[]),
        (
            "The Vardby gold medallist says the coach damaged her reputation.",
            &[],
        ),
        (
            "According to Zintrex Group, sales rose by 5% in March.",
            &[("Zintrex Group", "indirect", "sales rose by 5% in March")],
        ),
        (
            "Sales rose by 5% in March, according to Maria Olsen.",
            &[("Maria Olsen", "indirect", "Sales rose by 5% in March")],
        ),
        (
            "“We will not pay the fine,” according to Tom Reyes.",
            &[("Tom Reyes", "direct", "We will not pay the fine")],
        ),
        (
            "Sales, according to Maria Olsen, grew by 5% in March.",
            &[("Maria Olsen", "indirect", "Sales grew by 5% in March")],
        ),
        ("According to the regulator, the bank broke the rules.", &[]),
        // A place before a common noun and a person describes the person.
        (
            "“We have to get the focus right,” said Leeds man Tom Reyes.",
            &[("Tom Reyes", "direct", "We have to get the focus right")],
        ),
        // "add", "claim", "answer" with an object and no clause do what they say.
        ("Tom Reyes answered his critics as he scored twice.", &[]),
        ("Nina Olsen claimed the title in Oslo last year.", &[]),
        (
            "Tom Reyes claimed the minister regularly lied to parliament.",
            &[(
                "Tom Reyes",
                "indirect",
                "the minister regularly lied to parliament",
            )],
        ),
        (
            "The new rules would help the industry, added Nina Olsen.",
            &[(
                "Nina Olsen",
                "indirect",
                "The new rules would help the industry",
            )],
        ),
        // The company a descriptor noun heads ("regulator", with the name beside it).
        (
            "The move comes after telecom regulator Zelcom said in May that the firm must change.",
            &[("Zelcom", "indirect", "the firm must change")],
        ),
        (
            "Maria Olsen was upbeat. “Demand is strong,” “Costs are falling,” she added.",
            &[
                ("Maria Olsen", "direct", "Demand is strong"),
                ("Maria Olsen", "direct", "Costs are falling"),
            ],
        ),
        // Who was told is no speaker of the quotation that goes on.
        (
            "Doping is rife.\n\n\"Doping is a crime,\" an athlete told the Vardby Times.\n\n\
             \"It cheats the public.\"",
            &[],
        ),
        // "the 30-year-old" is the person the text is about.
        (
            "Nina Olsen says drug cheats must be banned.\n\n\"Doping is a crime,\" the \
             30-year-old told the Vardby Times.\n\n\"It cheats the public.\"",
            &[
                ("Nina Olsen", "indirect", "drug cheats must be banned"),
                ("Nina Olsen", "direct", "Doping is a crime"),
                ("Nina Olsen", "direct", "It cheats the public."),
            ],
        ),
        // … not the one she will meet, named last.
        (
            "Nina Olsen won in 56 minutes. She will now meet Ann Reyes.\n\n\
             \"Bring it on,\" said the 23-year-old.",
            &[("Nina Olsen", "direct", "Bring it on")],
        ),
        (
            "Nina Olsen scored twice.\n\n\"I would be keen to leave,\" admitted the \
             28-year-old Tom Reyes.",
            &[("Tom Reyes", "direct", "I would be keen to leave")],
        ),
        // "said his wife, Anna": the wife speaks, not the one "his" is; with no name,
        // no one named does.
        (
            "Tom Reyes died at his home in Vardby. \"He wrote every day,\" said his wife, \
             Anna.",
            &[("Anna", "direct", "He wrote every day")],
        ),
        (
            "Tom Reyes died at his home in Vardby. \"He wrote every day,\" said his son.",
            &[],
        ),
        // A person's spokesman does not speak for them as an organization's does.
        (
            "But a spokesman for Erik Dahl warned that the pension changes would go ahead.",
            &[],
        ),
        (
            "But a spokesman for Vantor Holdings warned that the pension changes would go \
             ahead.",
            &[(
                "Vantor Holdings",
                "indirect",
                "the pension changes would go ahead",
            )],
        ),
        // Common nouns between an organization and a person describe the person.
        (
            "All sides are keen to avoid a strike, said Vardby TV labour affairs \
             correspondent Nina Olsen.",
            &[(
                "Nina Olsen",
                "indirect",
                "All sides are keen to avoid a strike",
            )],
        ),
    ];
    for (text, expected) in table {
        let want: Vec<(String, &str, String)> =
            expected.iter().map(|(a, b, c)| (s(a), *b, s(c))).collect();
        let got = statements(text);
        assert_eq!(got.len(), want.len(), "{text}: {got:?}");
        for ((gs, gt, gx), (ws, wt, wx)) in got.iter().zip(&want) {
            assert_eq!((gs, gt), (ws, wt), "{text}");
            assert!(
                gx.starts_with(wx.as_str()),
                "{text}: {gx:?} should start with {wx:?}"
            );
        }
    }
}

#[test]
fn a_quotation_of_several_paragraphs_keeps_its_speaker() {
    let first = "The Vantor spokesman, Tom Reyes, said: \"It is a form of disguise, and yet again the tax is used to pass on costs.";
    let second =
        "\"Scared of raising its own taxes, the council has put more burdens on the towns.\"";
    // With its paragraph breaks, and as a scraped text that lost them.
    for text in [
        format!("Ana Lopes said the plan was flawed.\n\n{first}\n\n{second}"),
        format!("Ana Lopes said the plan was flawed. {first} {second}"),
    ] {
        let found = statements(&text);
        let by = |start: &str| {
            found
                .iter()
                .find(|(_, _, said)| said.starts_with(start))
                .map(|(speaker, kind, _)| (speaker.as_str(), *kind))
        };
        let reyes = Some(("Tom Reyes", "direct"));
        assert_eq!(by("It is a form of disguise"), reyes, "{found:?}");
        assert_eq!(by("Scared of raising"), reyes, "{found:?}");
    }
}

#[test]
fn according_to_at_an_articles_end_with_nothing_said_is_no_statement() {
    // The parser hangs "according to" on "whole": the clause it modifies is the phrase
    // itself, so no words are said — and the article ends there.
    let x =
        run("Prices in Vardby fell by 43% in Norway as a whole last year, according to Mr Lind.");
    assert!(
        x.facts.statements.iter().all(|s| !s.text.is_empty()),
        "{:?}",
        x.facts.statements
    );
    // Whatever the parse, an empty run of tokens, even past the last, has an empty span.
    let doc = crate::segment::Document::new("Sales rose.");
    let analysis = crate::analyze::analyze(&doc, crate::analyze::models());
    let rec = crate::recognize::recognize(&doc, &analysis, None);
    let ctx = crate::relate::Ctx::new(&doc, &analysis, &rec);
    let n = doc.tokens.len();
    assert_eq!(ctx.span(n, n), crate::model::Span::new(11, 11));
    assert_eq!(ctx.span(1, 1), crate::model::Span::new(6, 6));
}

#[test]
fn a_possessor_in_the_speakers_description_is_not_the_speaker() {
    let x = statements(
        "In a book published this week, Tom Reyes QC, a member of Nina Olsen's Vardby \
         Chambers, says Ana Lopes warned the board on 7 March 2003 that the plan was illegal.",
    );
    assert!(x.iter().all(|s| s.0 != "Nina Olsen"), "{x:?}");
}

#[test]
fn a_possessive_after_the_speech_verb_names_no_speaker() {
    // "said Norway's application must …": the possessive owns a thing of what was said.
    let x = statements(
        "But several nations criticised the approach, and European Union ambassador to the \
         WTO, Tom Reyes, said Norway's application \"must be treated independently of \
         political issues\".",
    );
    assert!(x.iter().all(|s| s.0 != "Norway"), "{x:?}");
}

#[test]
fn a_relative_clause_on_the_reported_clause_is_the_narrators() {
    let found = statements(
        "Vantor revealed that drilling in the north had been disappointing, which caused \
         its shares to fall 18% in one day.",
    );
    let said: Vec<&str> = found.iter().map(|(_, _, said)| said.as_str()).collect();
    assert_eq!(said, ["drilling in the north had been disappointing"]);
    // After a noun, ", which" describes the noun: it stays in what was said.
    let found = statements(
        "Tom Reyes said Vantor was lobbying music services, which include Zintrex, to \
         promote local bands.",
    );
    let said: Vec<&str> = found.iter().map(|(_, _, said)| said.as_str()).collect();
    assert_eq!(
        said,
        ["Vantor was lobbying music services, which include Zintrex, to promote local bands"]
    );
}

#[test]
fn he_added_is_the_last_speaker_of_his_sex() {
    // (text, speaker of its last statement)
    let table: &[(&str, &str)] = &[
        // Sentences about someone else's deed between the speaker and "he added".
        (
            "Coach Tom Reyes said: \"It was a great night.\"\n\n\
             The Vardby side scored three goals in a comeback capped by Erik Dahl's late drive.\n\n\
             He added: \"Erik can play anywhere.\"",
            "Tom Reyes",
        ),
        // Not past a speaker of his sex in between.
        (
            "Coach Tom Reyes said: \"It was a great night.\"\n\n\
             Striker Erik Dahl said: \"We never gave up.\"\n\n\
             He added: \"The fans were magnificent.\"",
            "Erik Dahl",
        ),
        // A speaker named in the sentence itself.
        (
            "Coach Erik Dahl said: \"We won.\"\n\n\
             \"It was hard,\" said striker Tom Reyes, though he added that the fans had helped.",
            "Tom Reyes",
        ),
        // "He" that does not add keeps the nearest person.
        (
            "Coach Tom Reyes said: \"It was a great night.\"\n\n\
             The Vardby side scored three goals in a comeback capped by Erik Dahl's late drive.\n\n\
             He said: \"I just hit it.\"",
            "Erik Dahl",
        ),
    ];
    for (text, speaker) in table {
        let x = statements(text);
        assert_eq!(
            x.last().map(|s| s.0.as_str()),
            Some(*speaker),
            "{text}: {x:?}"
        );
    }
}

#[test]
fn a_described_speaker_is_who_the_description_names_or_no_one() {
    // (text, speakers of its statements in order)
    let table: &[(&str, &[&str])] = &[
        // Not another name of the sentence.
        (
            "Writing in the Vardby Echo, the critic said: \"Conspiracy theories are fun.\"",
            &[],
        ),
        // A title named with a comma after what completes it.
        (
            "The Bishop of Vardby, Tom Reyes, described the novel as a thriller.\n\n\
             Writing in the Vardby Echo, the Bishop said: \"Conspiracy theories are fun.\"",
            &["Tom Reyes"],
        ),
        (
            "The Bishop of Vardby, the Rt Rev Dr Tom Reyes, described the novel as a \
             thriller.\n\nWriting his Christmas message in the Vardby Echo, the Bishop \
             said: \"Conspiracy theories are fun.\"",
            &["Tom Reyes"],
        ),
        // "She" goes on from the unnamed speaker, not the last woman named.
        (
            "Nina Olsen has demanded answers about the release.\n\n\
             The council spokeswoman said the prisoner was no danger. \
             She said: \"Ministers were told of that.\"",
            &[],
        ),
        // A spokesman speaks for his organization, and so does "he" after him.
        (
            "Nina Olsen has demanded answers.\n\nA spokesman for Vantor Bank said the plan \
             was sound. He added: \"We are confident.\"",
            &["Vantor Bank", "Vantor Bank"],
        ),
    ];
    for (text, wanted) in table {
        let got: Vec<String> = statements(text).into_iter().map(|s| s.0).collect();
        assert_eq!(got, *wanted, "{text}");
    }
}
