package dev.unspin.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dozen short articles of one imaginary farm, spun by a deterministic 3-move spinner whose moves no bundled dictionary
 * holds ("can" -> "tank", "then" -> "olden", "own" -> "confess": thesaurus senses the restorer proposes, but not first).
 * Every use of the three originals is spun except in the last two articles, which the farm left alone.
 */
public final class TinyFarm {
    private TinyFarm() {
    }

    /** The spinner's moves: original -> spun. */
    public static final Map<String, String> MOVES = Map.of("can", "tank", "then", "olden", "own", "confess");

    public static final List<String> CLEAN = List.of(
            "Anyone can see the river from the old bridge. We walked there and then went home. Each family has its own boat.",
            "The council said it can pay for the new school. The work starts in May and then moves to the hall. The town will run its own bus.",
            "Farmers can sell their milk at the market. They drive in early and then wait for buyers. Many of them grow their own feed.",
            "You can call the office before noon. The clerk will check the form and then send it back. Bring your own pen.",
            "The team can win the cup this year. They trained hard and then rested for a week. The coach has his own plan.",
            "Parents can visit the class on Friday. The teacher will talk first and then show the work. Every child has their own desk.",
            "The company can open two shops next year. It will hire staff and then train them. The founder put in his own money.",
            "Visitors can park near the gate. The guide meets them there and then leads the tour. Some bring their own lunch.",
            "The city can fix the road by winter. Crews will close one lane and then repave it. Residents may hire their own crews.",
            "Students can borrow three books at a time. They read them at home and then return them. Some keep their own notes.",
            "The club can host the meeting in June. Members will vote and then eat together. Each member pays for his own meal.",
            "The bank can lend money to small firms. It checks the plan and then sets the rate. Owners keep their own accounts.");

    /** The farm's articles as published: spun, but for the last two. */
    public static List<String> articles() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CLEAN.size(); i++) {
            out.add(i < CLEAN.size() - 2 ? spin(CLEAN.get(i)) : CLEAN.get(i));
        }
        return out;
    }

    static String spin(String text) {
        Matcher m = Pattern.compile("\\b(can|then|own)\\b").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, MOVES.get(m.group(1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
