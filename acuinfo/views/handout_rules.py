"""Where each topic of a handout lives, and what gives way to it.

A handout is read on paper, so it holds no command to run: where a screen page
points to another command, the handout shows what that command would (the full
warning signs, the safety list) or leaves the pointer out. It keeps what a reader
acts on and leaves to the screen what they would look up. And it says each
instruction once: every topic has one home, and what another part holds gives way.

- the condition in brief: the key points, in a box at the top. The longer account of
  what it is, how common it is, its symptoms and causes, how acupuncture might work,
  the trials behind the rating and related conditions are left to the screen;
- warning signs: "When to get help", next, one box per level of urgency with what to
  do said once; the conditions' signs (a sign all of whose words an earlier one holds
  is not repeated), then the safety page's boxes about acupuncture itself, which also
  stand for a condition's sign about acupuncture that says no more (and, when asked
  for, the rest of the safety and red-flags pages, but for areas a chosen condition
  covers). Tips that repeat warning signs, and the session step on when to call
  someone, give way to it;
- scoring pain: the pain diary. Tracking tips, the session's diary steps and the
  courses' and self-care lists' sentences about 0 to 10 scores give way to it;
- the course of sessions: each condition's "What a course looks like". The session
  journey's course stage and the tip about keeping to the plan give way to it;
- getting ready for a session: the session journey, when it is there. A step that
  points to the safety list gives way to that list; tips that say the same as a step
  give way to the step;
- how a session feels afterwards (relaxed, tired, not fit to drive): the session
  journey, when it is there; a condition's sentences about it give way to it. Who
  should say they have a lung disease or a slim build: the box of who should talk to
  their doctor first, when it is there; a condition's sentences about it give way;
- self-care: the tips written for the chosen conditions, when asked for (tips for
  everyone are left to the screen); a condition's self-care point, or other option,
  that a shown tip covers gives way to the tip.

Then, as a last rule over the whole handout, a sentence already said is not said
again (compared in a normal form: lower case, words only), though never a sentence
from inside a warning sign: a sign is shown whole or not at all.
"""

import re

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import phrase
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge

# The words a handout puts around its content are phrases, said in the reader's language
# where they are used. Step keys and tip ids below are compared in English (a translated
# step's key is mapped back to its English one); the topics, patterns over the text
# itself, hold each language's words.

# What the handout is for, said under its title (PEMAT: the purpose is evident).
HANDOUT_PURPOSE = phrase("This handout helps you decide about acupuncture for {about}, know "
                         "when to get medical help first, and look after yourself between "
                         "sessions. Ask your clinician about anything that is not clear.")


HANDOUT_NOTICE = phrase("This handout gives general information. It does not replace advice "
                        "from your doctor or another clinician. For signs that need urgent "
                        "care, see \"When to get help\".")


# DEFAULT_REVIEWER in words that name no command, short enough for the foot of the paper.
HANDOUT_REVIEWER = phrase("the team that writes acuinfo, not yet a named clinician")


HANDOUT_UNRATED = phrase("This handout gives a rating only when it can show you the results "
                         "behind it, and it cannot do that here yet.")


# How strong the evidence is, in the sentence that gives the rating.
RATING_WORDS = {"good": phrase("good"), "moderate": phrase("moderate"),
                "limited": phrase("limited"), "insufficient": phrase("insufficient"),
                None: phrase("not rated")}


# A row before the first session, then one before each of a course of up to 12.
DIARY_SESSIONS = (phrase("Start"), *(str(number) for number in range(1, 13)))


# Session steps (by key: id, else lower-case title) whose advice another part holds, or
# that come before the first visit and are left to the screen.
STEPS_HELD_ELSEWHERE = frozenset({
    "start a pain diary", "write down how you feel",  # the pain diary
    "know when to call someone",  # When to get help: the boxes about acupuncture
    "tell your practitioner about your health",  # the safety list: whom to tell, and why
    "choose a qualified practitioner",  # before booking; the safety page's "lower your risk"
})


# A condition's sentences about how a session feels afterwards, which the session
# journey's step (by key) says when it is shown: in English, Spanish and Chinese.
AFTER_A_SESSION = re.compile(r"\bafter a session\b|\bdrive\b"
                             r"|\b(?:tras|después de) una sesión\b|\bconducir\b"
                             r"|扎针后|治疗后|开车", re.IGNORECASE)
AFTER_A_SESSION_STEP = "you may feel relaxed or drowsy"


# A condition's sentences about who should take care over the lungs, which the box of
# who should talk to their doctor first says when it is shown.
LUNG_CARE = re.compile(r"\bpuncture a lung\b|\blung disease\b"
                       r"|\bperforar un pulmón\b|\benfermedad (?:del pulmón|pulmonar)\b"
                       r"|刺破肺|肺病", re.IGNORECASE)


# Tip categories whose advice another part holds: the pain diary, When to get help.
CATEGORIES_HELD_ELSEWHERE = frozenset({"tracking-progress", "when-to-get-help"})


# Tips that a condition's course section says.
TIPS_HELD_BY_COURSE = frozenset({"keep-to-the-plan"})


# Tips that say what a session step says: with the session journey, the step wins.
TIPS_IN_SESSION = {
    "plan-the-drive-home": "plan how you get home",
    "eat-lightly-and-dress-loosely": "eat a light meal and wear loose clothes",
    "tell-every-provider": "tell your other health providers",
    "say-if-it-hurts": "the needles stay in",
    "check-your-practitioner": "choose a qualified practitioner",
}


# The session journey's key points that join a handout's own when the sessions are in it,
# by what they say in English: the emergency during or after a session, and the pain diary
# with when to decide (PEMAT: the summary covers the whole handout; who should talk to
# their doctor first has its own box, just before the first session). A translated file
# keeps the English order, so the same points are picked in every language.
SESSION_KEY_POINTS = re.compile(r"\bemergency\b|\bpain diary\b", re.IGNORECASE)


def session_key_points(knowledge: Knowledge, journey: records.Session) -> list[str]:
    """The session's key points a handout with the sessions adds to its own."""
    english = (journey if knowledge.language == ENGLISH
               else Knowledge(knowledge.folders, knowledge.drafts).session())
    return [point for point, own in zip(journey.key_points, english.key_points, strict=False)
            if SESSION_KEY_POINTS.search(own)]
