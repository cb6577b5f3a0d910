package org.tandem.generator;

import java.util.List;

/** The words the generated network is made of: names, places, concerns, clinicians' notes and feedback. */
final class Texts {

    private Texts() {}

    static final List<String> CITIES = List.of("Amsterdam", "Berlin", "Bristol", "Copenhagen", "Dublin",
            "Edinburgh", "Ghent", "Glasgow", "Hamburg", "Leeds", "Lisbon", "Lyon", "Manchester", "Oslo", "Porto",
            "Rotterdam", "Stockholm", "Utrecht", "Vienna", "Zurich");

    static final List<String> FIRST_NAMES = List.of("Alex", "Sam", "Daniel", "Grace", "Lucía", "Marco", "Hannah",
            "Tom", "Wei", "Jamie", "Aisha", "Omar", "Rachel", "Noah", "Sofia", "Erik", "Maya", "Chris", "Kwame", "Ama",
            "Isabel", "Claire", "Ben", "Olivia", "Ravi", "Neha", "Jonas", "Mia", "Yusuf", "Elif", "Leila", "Jack",
            "Mateo", "Luke", "Priya", "Jordan", "Nina", "Felix", "Zara", "Leo", "Emma", "Lukas", "Ines", "Tariq",
            "Freya", "Mohammed", "Anna", "Kofi", "Julia", "Sven");

    static final List<String> LAST_NAMES = List.of("Morgan", "Patel", "Okafor", "Fernández", "Rossi", "Becker",
            "Chen", "Lin", "Khan", "Haddad", "Green", "Williams", "Lindqvist", "Johnson", "Taylor", "Mensah", "Moreau",
            "Dubois", "Carter", "Brooks", "Sharma", "Weber", "Schulz", "Demir", "Ahmadi", "O'Brien", "Silva",
            "Bennett", "Nair", "Reyes", "Novak", "Jansen", "Kowalski", "Murphy", "Costa", "Nielsen", "Hughes",
            "Yilmaz", "Andersson", "Fischer", "Kim", "Ito", "Santos", "Walsh", "Larsen", "Meyer", "Owusu", "Berg",
            "Rahman", "Kelly");

    /** Presenting concerns, comma-separated. */
    static final List<String> CONCERNS = List.of("communication,time together", "trust,reassurance",
            "conflict,family of origin", "intimacy,routines", "independence,friendships", "life transition,new baby",
            "boundaries,work-life balance", "jealousy", "differing needs,household tasks", "communication,finances",
            "retirement,time together", "career change", "reconnecting,affection", "co-parenting,communication");

    /** A clinician's note on a held session: {a} and {b} are the partners' first names. */
    static final List<String> NOTES = List.of(
            "{a} and {b} arrived on time and settled quickly. We mapped a typical week; evenings feel like "
                    + "\"parallel lives\".\nAgreed focus: one protected evening together, one evening each for themselves.",
            "Reviewed the weekly check-in conversation. They managed it twice; {b} raised a worry about money "
                    + "without it becoming an argument.\n{a} noticed the urge to fix things rather than listen.",
            "Difficult session: an argument about {b} seeing friends; {a} felt left out, {b} felt watched. Named "
                    + "the pattern: one reaching for closeness, the other for space.",
            "Good energy today. A first date night in months, described warmly by both.\n{a} is back at the "
                    + "climbing gym on Thursdays; {b} called it a relief, not being left behind.",
            "Explored attachment history. {a} grew up where needs were rarely spoken; {b} describes a close but "
                    + "intrusive family.\nHomework: one thing each that helps them feel safe with the other.",
            "Shared the \"feel safe\" lists: a morning coffee together, a message during the working day.\n"
                    + "Agreed to try the morning coffee on weekdays for two weeks.",
            "{b} had a hard week at work and withdrew; {a} read this as rejection. Worked on reassurance that "
                    + "does not require {b} to explain everything.",
            "Check-in on phones at dinner: mostly kept, one slip each, handled with humour.\nNext: a weekend with "
                    + "one day together and one day each for themselves.",
            "Practised \"I\" statements with a recent disagreement about household tasks. Less defensiveness "
                    + "when the request is specific.",
            "Reviewed progress since intake. Both feel more like a team. {a} keeps working on saying no without "
                    + "guilt; {b} on asking for time together.");

    static final List<String> FEEDBACK = List.of(
            "Thank you for writing this so honestly. Let's start from here next session.",
            "Good, careful work. Keep it short and kind, as you described.",
            "You both named your limits without blame, which is exactly the skill we're practising.");
}
