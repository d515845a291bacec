"""English phrase banks for `model.text` (data only; `text.py` says how they combine).

Writing rules, so that any scenario's vocabulary reads as correct English:
- {event}, {victims}, {site} carry their own article ("the breach", "customers"),
  never open a sentence (they start lowercase) and are never the subject of a verb
  (singular or plural is the scenario's choice: "the breach" vs "the leaks").
- Nothing specific to one crisis (no gas, no data): the same lines serve a toxic
  leak, a data breach or a product recall.
- Registers: "std" (X, Facebook, Instagram), "pro" (LinkedIn), "chat" (WhatsApp),
  "react" (a few words for a reaction).
- For journalist, elected and organisation voices, the first half of "std"/"chat"
  lines (first line of "pro") are leads and the rest follow-ups: `text.py` pairs
  a lead with a follow-up, so the two must read well together.
"""

SAMPLE: dict[str, str] = {
    "org": "Chimex",
    "handle": "@Chimex_UK",
    "place": "Millbrook",
    "site": "the Chimex plant in Millbrook",
    "product": "nitrogen fertiliser",
    "event": "the gas leak",
    "victims": "local residents",
    "ceo": "Mark Dalton",
}
SAMPLE_CLAIM = "the tap water is contaminated"

VOICE: dict[str, dict[str, dict[str, list[str]]]] = {
    "journalist": {
        "approval": {
            "std": [
                "Sources tell us {org} activated its crisis unit within minutes of {event}.",
                "{org} has published a detailed statement and is taking questions from the press.",
                "Several people in {place} we spoke to praised how quickly it responded.",
                "We are continuing to follow the situation in {place}.",
            ],
            "pro": [
                "Crisis management: {org} chose transparency after {event}, and locals have noticed.",
                "Our report details the measures {org} has already put in place.",
                "{ceo} agreed to answer our questions.",
            ],
            "chat": [
                "fyi {org} has set up a crisis unit, we just got it confirmed",
                "{org} just got back to us with quite a lot of detail",
                "story going up within the hour",
                "will keep you posted",
            ],
            "react": ["Response received", "Worth a read", "Quick response"],
        },
        "fear": {
            "std": [
                "Growing concern in {place} after {event}: many residents have contacted us.",
                "Sources say the authorities are closely monitoring the situation around {site}.",
                "We have asked {org}: what are the risks for {victims}?",
                "What happens next? Answers are slow to come.",
            ],
            "pro": [
                "In {place}, concern is growing after {event}. Our report.",
                "The information available is still partial, and the questions are many.",
                "We have contacted {org} and the authorities; no detailed answer so far.",
            ],
            "chat": [
                "lots of worried readers in {place} messaging us",
                "authorities are monitoring things around {site}, that's confirmed",
                "still waiting on answers from {org}",
                "if you have info or want to share your story, message me",
            ],
            "react": ["Following this", "Checking now", "Fair questions"],
        },
        "anger": {
            "std": [
                "Anger is rising in {place} after {event}, according to the accounts we have gathered.",
                "Sources tell us {org} had received warnings before {event}.",
                "We contacted {org}, which declined to comment.",
                "Several residents of {place} are demanding answers from {ceo}.",
            ],
            "pro": [
                "{org} had received warnings before {event}. Our investigation.",
                "Anger is mounting in {place}, and {org} is struggling to calm it.",
                "We will publish {ceo}'s answers as soon as we have them.",
            ],
            "chat": [
                "things are heating up in {place}, people are really angry",
                "we have documents: there were warnings before {event}",
                "{org} still not answering",
                "piece in progress, will say when it's live",
            ],
            "react": ["Anger is rising", "One to watch", "We're looking into it"],
        },
        "mockery": {
            "std": [
                "Online, {org} has become a punchline since {event}.",
                "The irony: only recently, {org} was boasting about its track record.",
                "The {org} statement has already been turned into thousands of memes.",
                "A communications episode that will go down in history, for the wrong reasons.",
            ],
            "pro": [
                "Memes, parodies, spoofs: {org}'s communication is being laughed at.",
                "When crisis communication becomes the joke, reputation starts to slip.",
                "A look back at a week {org} would probably rather forget.",
            ],
            "chat": [
                "social media has been laughing at {org} all afternoon",
                "the {org} statement is being memed everywhere",
                "we're doing a piece on the memes",
                "I'll let you be the judge",
            ],
            "react": ["The irony", "No comment", "It's everywhere"],
        },
        "sadness": {
            "std": [
                "Shock and grief in {place} after {event}.",
                "In {place}, people are rallying around one another.",
                "We have been hearing from people who were affected.",
                "A support line has been set up, we understand.",
            ],
            "pro": [
                "In {place}, a community in shock after {event}.",
                "In their own words: how this changed things for {victims}.",
                "A story worth reading, so that the people affected are not forgotten.",
            ],
            "chat": [
                "a lot of emotion in {place}, people are in shock",
                "spoke to some residents, it's really hard for them",
                "we're putting together a piece with their stories",
                "apparently a support line has been set up",
            ],
            "react": ["Thinking of {victims}", "Very emotional", "A sad day for {place}"],
        },
    },
    "elected": {
        "approval": {
            "std": [
                "I welcome the swift response from {org} after {event}.",
                "I have spoken with the management of {org}: the steps taken are the right ones.",
                "The people of {place} deserve this transparency, and they are getting it.",
                "I will keep a close eye on what happens next.",
            ],
            "pro": [
                "After {event}, I want to acknowledge how quickly {org} and its teams responded.",
                "The commitments made to the people of {place} must be kept, and I will make sure they are.",
                "Business, councillors and residents together: that is how we will get through this.",
            ],
            "chat": [
                "just had {org} management on the phone, they're taking it seriously",
                "good news: {org} has announced concrete measures",
                "I'll keep you all updated",
                "don't hesitate if you have questions",
            ],
            "react": ["Good response", "Thank you to the teams", "A step in the right direction"],
        },
        "fear": {
            "std": [
                "The people of {place} I represent are worried, and I understand why.",
                "I have contacted the authorities and the management of {org} after {event}.",
                "We need clear information, and we need it fast.",
                "I am asking {org} to set out exactly what the risks are for {victims}.",
            ],
            "pro": [
                "After {event}, the priority is to keep the people of {place} clearly informed.",
                "I have contacted the relevant authorities and asked {org} for a full update.",
                "The concern is legitimate; the response must match it.",
            ],
            "chat": [
                "I'm in touch with the authorities, will keep you posted",
                "lots of calls to my office, people are worried",
                "I've asked {org} for a clear update on the risks",
                "please be careful in the meantime",
            ],
            "react": ["Stay alert", "I've raised it with the authorities", "We need answers, fast"],
        },
        "anger": {
            "std": [
                "What has happened in {place} is unacceptable.",
                "The people of {place} deserve better than silence from {org}.",
                "I am demanding that {ceo} come and explain this to local representatives.",
                "Everyone responsible must be held to account.",
            ],
            "pro": [
                "What has happened in {place} is unacceptable and calls for precise answers.",
                "I have asked {ceo} to appear before the council.",
                "The people of {place} cannot be an afterthought for any company.",
            ],
            "chat": [
                "I'm angry too, like all of you",
                "{org} owes residents an explanation, full stop",
                "I've asked {ceo} for a meeting",
                "we won't let this go",
            ],
            "react": ["Unacceptable", "They must answer for this", "I want an explanation"],
        },
        "mockery": {
            "std": [
                "{org} is discovering crisis communication. A bit late.",
                '"Everything is under control," says {org}. The people of {place} will be thrilled.',
                "We were waiting for answers; we got talking points.",
                "I invite {ceo} to explain all this at a public meeting.",
            ],
            "pro": [
                "Talking points from {org} are no substitute for answers.",
                "Some statements say a lot, mostly through what they leave out.",
                "I invite {ceo} to come to {place}: perhaps the message will be clearer in person.",
            ],
            "chat": [
                "have you read their statement? unbelievable",
                '"everything is under control" 🙄',
                "they'll have to do better than that",
                "I told them exactly what I thought",
            ],
            "react": ["Unbelievable", "No comment", "A bit late"],
        },
        "sadness": {
            "std": [
                "My thoughts are with {victims}.",
                "{place} is going through a very hard time.",
                "We will stand by them.",
                "I will be visiting to meet the families.",
            ],
            "pro": [
                "My thoughts are with {victims} and their families.",
                "At times like this, the solidarity of {place} is our strength.",
                "I will stand with residents in the days ahead.",
            ],
            "chat": [
                "thinking of everyone affected",
                "hard day for {place}",
                "I'm going to see the families tomorrow",
                "if anyone needs help, message me",
            ],
            "react": ["Thinking of {victims}", "Solidarity", "Full support"],
        },
    },
    "blogger": {
        "approval": {
            "std": [
                "Said it in my stories: {org} handled this pretty well.",
                "You're asking what I think about {event}? Honestly, {org} responded well.",
                "No cheap outrage here: {org} did the job, and that's worth saying.",
                "For once, I'm giving {org} credit.",
            ],
            "pro": [
                "I have followed this for my community from the start: {org} has been transparent.",
                "I'll say it to my audience: {org}'s response has been exemplary.",
                "We criticise brands a lot here. Today, {org} deserves credit.",
            ],
            "chat": [
                "said it on my live, {org} handled it well",
                "for once I agree with {org}",
                "my followers keep asking, I tell them they responded well",
                "honestly nothing to complain about in how they reacted",
            ],
            "react": ["Approved", "Credit where due", "Fair play"],
        },
        "fear": {
            "std": [
                "I'm getting dozens of messages from worried people in {place}.",
                "Fair warning: we don't know everything about {event} yet.",
                "Sharing what I know, but honestly, this worries me.",
                "My DMs have been blowing up since {event}. A lot of fear out there.",
            ],
            "pro": [
                "My community has been writing to me, worried, since {event}.",
                "Passing on my followers' questions: what are the real risks?",
                "The lack of information is fuelling anxiety; I see it in my inbox.",
            ],
            "chat": [
                "getting loads of messages from worried people",
                "tbh this is freaking me out",
                "telling you what I know but it's all a bit vague",
                "my followers are kind of panicking",
            ],
            "react": ["This worries me", "Stay careful", "My DMs are exploding"],
        },
        "anger": {
            "std": [
                "I won't stay quiet: what {org} is doing is shameful.",
                "You want my take on {event}? Disgraceful from start to finish.",
                "Just read the {org} statement. They're taking us for fools.",
                "Boycott {org}. I don't see any other answer.",
            ],
            "pro": [
                "For years I recommended {org} to my community. Not any more.",
                "I won't stay silent about {event}, even if some partner brands don't like it.",
                "My community's trust can't be bought. {org} has just lost it.",
            ],
            "chat": [
                "doing a video on {org} tonight, it's going to sting",
                "honestly this makes me so angry",
                "they're taking us for fools, clearly",
                "I'm done promoting {org}, that's it",
            ],
            "react": ["Shameful", "Boycott", "This will sting"],
        },
        "mockery": {
            "std": [
                "Thread: the best bits of the {org} statement 😂",
                "I made a mash-up of the {org} statement. Didn't have to invent a thing.",
                "{org} has been giving us free stand-up since {event}.",
                'Quick poll: who still believes "everything is under control"?',
            ],
            "pro": [
                "A free masterclass from {org}: everything not to do in a crisis.",
                "Every week I review how brands communicate. This week, {org}'s effort is... special.",
                "When the internet's jokes sum things up better than the official statement.",
            ],
            "chat": [
                "doing a story on their statement lol",
                "{org} is basically doing stand-up at this point",
                "have you seen the memes about {org}? 😂",
                "the mash-up I made is hilarious",
            ],
            "react": ["Comedy gold", "I'm crying", "Free content"],
        },
        "sadness": {
            "std": [
                "No funny videos today. Thinking of {victims}.",
                "Taking a few days off, out of respect for {place}.",
                "This one hits hard; I have followers in {place}.",
                "Thinking of you, {place}.",
            ],
            "pro": [
                "I'm pausing my usual posts out of respect for {victims}.",
                "My community in {place} is going through a hard time. Full support.",
                "Sometimes all there is to say is: thinking of {victims}.",
            ],
            "chat": [
                "no live tonight, my heart's not in it",
                "thinking of my followers in {place}",
                "this really gets to me",
                "sending love to all of you",
            ],
            "react": ["Heavy heart", "Thinking of {place}", "Support"],
        },
    },
    "employee": {
        "approval": {
            "std": [
                "Internally, management explained everything from day one. Proud to work at {org}.",
                "I work at {org} and I can tell you the teams are giving it everything.",
                "My colleagues have been doing an incredible job since {event}.",
                "Internally, we got clear instructions very quickly.",
            ],
            "pro": [
                "Proud to be part of the {org} teams, who have been mobilised from the very first hours.",
                "Internally: clear communication and teams pulling together. I wanted to say so.",
                "A huge thank you to my colleagues for their commitment since {event}.",
            ],
            "chat": [
                "at work we got the info straight away, they're on it",
                "colleagues have been flat out since the start",
                "internal comms are actually decent for once",
                "honestly proud of the team",
            ],
            "react": ["Proud", "Thanks, team", "Well done, everyone"],
        },
        "fear": {
            "std": [
                "Internally, nobody tells us anything. We find out from the news.",
                "I work at {org} and honestly, we have no idea what happens next.",
                "My colleagues are scared for their jobs.",
                "We've been told not to talk to anyone outside. Not exactly reassuring.",
            ],
            "pro": [
                "Inside {org}, plenty of questions and very few answers.",
                "Working at {org} right now means living with uncertainty.",
                "We expect management to communicate with staff properly.",
            ],
            "chat": [
                "internally it's chaos, nobody knows anything",
                "we're finding everything out from the news, it's mad",
                "colleagues are freaking out about their jobs",
                "we've been told to say nothing outside, super reassuring",
            ],
            "react": ["We know nothing", "Worried inside", "Colleagues are scared"],
        },
        "anger": {
            "std": [
                "We warned management. Nobody listened.",
                "I work at {org} and I'm ashamed of what I'm reading.",
                "Internally, anger is building. We're being treated like pawns.",
                "We've been flagging problems for years. And here we are.",
            ],
            "pro": [
                "The warnings raised by frontline teams were not heard.",
                "It is hard to defend your company when management won't listen.",
                "The people who work at {org} deserve better than learning decisions from the press.",
            ],
            "chat": [
                "we warned them!! nobody listened",
                "embarrassed to work there right now",
                "management treats us like pawns",
                "we've been flagging this for months",
            ],
            "react": ["We warned them", "Embarrassing", "Fed up"],
        },
        "mockery": {
            "std": [
                'Internally, we got an "everything is fine" email. We had a good laugh.',
                "Management at {org} sent us a communications kit. I'm not making this up.",
                "At {org}, safety mostly lives in PowerPoint.",
                'The {org} "operational excellence" away day was last month 😂',
            ],
            "pro": [
                "The gap between {org}'s internal presentations and reality on the ground is striking.",
                "When you work at {org}, management's talking points raise a weary smile.",
                "It will take more than a communications kit to reassure staff.",
            ],
            "chat": [
                'we got an "everything is fine" email lol',
                "the management comms kit 😂😂",
                "safety here only exists in powerpoint",
                "had a laugh reading the statement",
            ],
            "react": ["Wry smile", "The comms kit", "Laughing, not smiling"],
        },
        "sadness": {
            "std": [
                "I've worked at {org} for years. I don't recognise the place any more.",
                "Thinking of my colleagues and their families.",
                "Hard to come to work at the moment. My heart isn't in it.",
                "We were proud of this company. It hurts.",
            ],
            "pro": [
                "A difficult time for everyone at {org}. Thinking of {victims}.",
                "Working at {org} has always been a source of pride. Today, it's sadness.",
                "Support to my colleagues, who have been through so much since {event}.",
            ],
            "chat": [
                "I don't recognise this company any more",
                "thinking of the team",
                "hard to come in to work right now",
                "heartbroken for everyone at work",
            ],
            "react": ["Hang in there, team", "Heavy heart", "Sad for the team"],
        },
    },
    "union": {
        "approval": {
            "std": [
                "Staff note the commitments made by {org}. We will be watching closely.",
                "{org} management has met staff representatives. It's a first step.",
                "The measures announced go some way towards our demands.",
                "We welcome {org}'s openness towards its staff.",
            ],
            "pro": [
                "The unions take note of the commitments made by {org} management.",
                "Dialogue works when management listens, and today it did.",
                "A positive first step; staff will be watching how it is implemented.",
            ],
            "chat": [
                "management met us, it went fairly well",
                "they agreed to some of our demands",
                "first step, we're keeping an eye on it",
                "good news for the staff",
            ],
            "react": ["First step", "A win for staff", "Still watching"],
        },
        "fear": {
            "std": [
                "Staff at {org} are worried about their future.",
                "What guarantees for jobs after {event}? Staff are waiting for answers.",
                "We are calling for an emergency meeting with management.",
                "Members are calling us; they are scared.",
            ],
            "pro": [
                "Staff representatives are asking for full information on the consequences of {event}.",
                "Safety and jobs: the people who work at {org} need guarantees.",
                "An emergency consultation with staff representatives is essential.",
            ],
            "chat": [
                "members are calling us, they're scared",
                "we've asked for an emergency meeting",
                "nobody's telling us what happens to jobs",
                "meeting tomorrow to take stock",
            ],
            "react": ["Worried", "Emergency meeting now", "What guarantees?"],
        },
        "anger": {
            "std": [
                "Staff will not pay for the mistakes of {org} management.",
                "We warned management. They did nothing.",
                "Enough contempt. Staff demand accountability.",
                "If {org} management does not respond, we will take action.",
            ],
            "pro": [
                "Our repeated warnings went unheeded. {org} management must take responsibility.",
                "The people who work at {org} demand transparency, safety and respect.",
                "Without an answer from management, the unions will consider all forms of action.",
            ],
            "chat": [
                "we warned them, they did nothing",
                "rally outside {site} tomorrow, pass it on",
                "staff won't pay for their mistakes",
                "enough is enough",
            ],
            "react": ["Enough!", "Together", "Solidarity with staff"],
        },
        "mockery": {
            "std": [
                "{org} management has just discovered that staff warnings were worth reading.",
                '"Safety is our priority," says {org}. Staff had a good laugh.',
                "We asked for resources; we got a press release.",
                "Congratulations to {org} management on this communications masterpiece.",
            ],
            "pro": [
                '"Safety is our priority": staff at {org} would like to see what that means in practice.',
                "Between the words and the resources, staff at {org} can measure the gap.",
                "Management answers with press releases; staff are waiting for action.",
            ],
            "chat": [
                "we asked for resources, we got a press release 😂",
                '"safety is our priority" lol',
                "management just discovered our warnings, well done",
                "another comms masterpiece",
            ],
            "react": ["Good laugh", "Masterpiece", "Thanks for the press release"],
        },
        "sadness": {
            "std": [
                "Our thoughts are with our colleagues and their families.",
                "Staff at {org} are in shock.",
                "This is a heavy blow for every worker.",
                "We will stand with the colleagues affected.",
            ],
            "pro": [
                "Staff representatives express their support for the workers affected by {event}.",
                "A painful time for every team at {org}.",
                "Solidarity between workers has never mattered more.",
            ],
            "chat": [
                "thinking of our colleagues",
                "everyone's in shock",
                "we're here for you if you need us",
                "hard for every team",
            ],
            "react": ["Solidarity", "Thinking of colleagues", "Strength to all"],
        },
    },
    "student": {
        "approval": {
            "std": [
                "Everyone in the lecture hall read the {org} statement. Pretty convincing.",
                "We study crisis management in class: {org} ticked every box.",
                "Honestly, {org} was clearer than expected. Even my lecturers said so.",
                "My placement at {org} starts soon, and the way they responded reassures me.",
            ],
            "pro": [
                "In our communications course, we are analysing {org}'s response: a model case.",
                "As part of my degree, I followed {org}'s crisis response: fast and transparent.",
                "A real lesson in transparency from {org}, one to remember for our future careers.",
            ],
            "chat": [
                "we talked about it in class, {org} handled it pretty well",
                "my lecturer said it was a good example of crisis comms",
                "makes me feel better about my placement there",
                "tbh they were clear",
            ],
            "react": ["Not bad", "Nicely done", "Textbook"],
        },
        "fear": {
            "std": [
                "My flat is right next to {site}. What am I supposed to do?",
                "Nobody at uni is telling us anything. We have a right to know.",
                "My parents live in {place}; I keep calling them.",
                "Exams are in two weeks and this is all I can think about.",
            ],
            "pro": [
                "Many students in {place} are worried and can't find reliable information.",
                "We are waiting for clear guidance from the university after {event}.",
                "Are placements at {org} going ahead? Students are asking.",
            ],
            "chat": [
                "my flat is literally next to {site} 😰",
                "uni isn't saying anything, is that normal?",
                "called my parents in {place}, they don't know anything either",
                "what are we meant to do?",
            ],
            "react": ["Scary", "What do we do?", "I'm scared"],
        },
        "anger": {
            "std": [
                "We're protesting outside {site} tomorrow. They can't get away with this.",
                "Our generation will pay for the mistakes of companies like {org}.",
                "And to think they were offering us placements at {org}. Never again.",
                "The students' union is calling for a boycott of {org}.",
            ],
            "pro": [
                "Students in {place} refuse to let {org} play down {event}.",
                "We do not want to build our careers with employers like {org}.",
                "Our generation expects responsible companies. {org} has failed.",
            ],
            "chat": [
                "going to {site} tomorrow, you coming?",
                "never doing a placement at {org}",
                "our generation pays for all of this",
                "boycott, simple as that",
            ],
            "react": ["Boycott", "Never again", "Shameful"],
        },
        "mockery": {
            "std": [
                "The {org} statement would fail a first-year assignment.",
                "My comms lecturer put the {org} statement on the screen. The whole room cracked up.",
                "Even our night-before group projects beat {org}'s comms.",
                "{org} at crisis management: D minus, could do better.",
            ],
            "pro": [
                "Today's case study in communications class: {org}. We learned a lot... about what not to do.",
                "In class, the {org} statement was used as a counter-example.",
                "Our cohort's grade for {org}'s communication: fail.",
            ],
            "chat": [
                "my lecturer showed their statement in class lol",
                "even our last-minute projects are better",
                "D minus for {org}",
                "the statement 💀",
            ],
            "react": ["D minus", "Fail", "Lol"],
        },
        "sadness": {
            "std": [
                "I'm from {place}. Seeing this really hurts.",
                "At uni, it's all anyone talks about. So much sadness.",
                "Thinking of every student affected, directly or not.",
                "My home town is in the headlines for this. Sad.",
            ],
            "pro": [
                "Thinking of the students from {place}, who have been hit hard.",
                "At the university, deep emotion after {event}.",
                "Support to the families and students of {place}.",
            ],
            "chat": [
                "I'm from {place}, this really hurts",
                "so sad what's happening",
                "everyone at uni is talking about it",
                "thinking of everyone back in {place}",
            ],
            "react": ["So sad", "Support", "Thinking of {place}"],
        },
    },
    "public": {
        "approval": {
            "std": [
                "I live in {place} and I think {org} responded well.",
                "We got the information quickly. Thank you, {org}.",
                "We live near {site} and we were told straight away.",
                "Anyone can make a mistake. What matters is how you respond.",
            ],
            "pro": [
                "Like many people in {place}, I appreciate how quickly {org} responded.",
                "The information reached residents quickly and clearly. Worth saying.",
                "A company that owns up and keeps people informed: that's what we expect.",
            ],
            "chat": [
                "got a text from {org}, it's clear",
                "honestly they were quick",
                "all fine here, thanks for the updates",
                "at least they keep us in the loop",
            ],
            "react": ["Thanks", "Reassuring", "Well done"],
        },
        "fear": {
            "std": [
                "I live in {place}. What are we actually supposed to do?",
                "I have kids; I want to know what the risks are. Who can tell us?",
                "Nobody is telling us anything in {place}. People are starting to panic.",
                "Does anyone know how serious this really is?",
            ],
            "pro": [
                "The people of {place} need clear information about the risks.",
                "Like many families, we are waiting for precise answers from {org}.",
                "Concern is growing in the neighbourhood; information needs to keep up.",
            ],
            "chat": [
                "does anyone know what we should do?",
                "I'm scared for the kids",
                "any news from {site}?",
                "nobody's telling us anything, it's scary",
            ],
            "react": ["I'm scared", "Does anyone know?", "Worrying"],
        },
        "anger": {
            "std": [
                "I've lived in {place} for twenty years and we're being treated like nobodies.",
                "{org} doesn't care about local people. Enough.",
                "And who pays for the damage? Not {org}, obviously.",
                "I will never trust {org} again.",
            ],
            "pro": [
                "The people of {place} deserve respect and answers, not press releases.",
                "{org}'s responsibility is obvious. It must be owned.",
                "What happened is unacceptable and cannot go without consequences.",
            ],
            "chat": [
                "they don't care about us",
                "I'm so angry, honestly",
                "who's paying? not them anyway",
                "never trusting {org} again",
            ],
            "react": ["Shameful", "Enough", "Unacceptable"],
        },
        "mockery": {
            "std": [
                "Thanks to {org}, the whole country has heard of {place} now. Cheers.",
                "{org} says everything is fine. Oh, right.",
                "Read the {org} statement three times. Still none the wiser.",
                "Apparently it's \"under control\". Well, that's a relief.",
            ],
            "pro": [
                "A statement that says a lot through what it leaves out.",
                '"No risk," {org} assures us. Residents will appreciate the detail.',
                "Thanks to {org}, the whole country now knows where {place} is.",
            ],
            "chat": [
                '"everything is fine" lol',
                "read the statement, understood nothing 😂",
                "well done {org}, really well done",
                "they think we're idiots lol",
            ],
            "react": ["Lol", "Yeah, right", "Oh, right"],
        },
        "sadness": {
            "std": [
                "I've lived in {place} all my life. This breaks my heart.",
                "We don't recognise our town any more.",
                "Thinking of all the neighbours affected.",
                "Sad to see our area like this.",
            ],
            "pro": [
                "Thinking of everyone in {place}.",
                "Our community is going through a difficult time.",
                "The kindness between neighbours is heart-warming at times like this.",
            ],
            "chat": [
                "this breaks my heart",
                "thinking of the neighbours",
                "sad for {place}",
                "we'll get through this together",
            ],
            "react": ["Sad", "Stay strong", "Thinking of the neighbours"],
        },
    },
    "organisation": {
        "approval": {
            "std": [
                "Thank you to our teams, who have been working day and night since {event}.",
                "Thank you for your many messages of support.",
                "We will keep you informed, openly and regularly.",
                "All the information is available on our official channels.",
            ],
            "pro": [
                "I want to recognise the outstanding commitment of the {org} teams since {event}.",
                "Transparency and accountability will guide every decision we make.",
                "Thank you for your many messages of support.",
            ],
            "chat": [
                "Hello everyone, thank you for your messages of support.",
                "Our teams are still fully mobilised; thank you for your trust.",
                "Please ask if you have any questions.",
                "We'll keep you updated here.",
            ],
            "react": ["Thank you", "Thank you for your support", "Thank you to our teams"],
        },
        "fear": {
            "std": [
                "We understand the concern of people in {place}.",
                "Our teams are on site and monitoring the situation around the clock.",
                "An information line is available for all your questions.",
                "We will publish an update as soon as we have new information.",
            ],
            "pro": [
                "We understand the concerns raised after {event} and are addressing them one by one.",
                "Everyone's safety is our absolute priority.",
                "A full update will be published in the coming hours.",
            ],
            "chat": [
                "Hello everyone, we understand your concern.",
                "Our teams are on site and following the situation.",
                "You can message us here; we reply to everyone.",
                "We'll keep you posted as soon as we can.",
            ],
            "react": ["We hear you", "Our teams are on it", "Update coming soon"],
        },
        "anger": {
            "std": [
                "We hear your anger and we understand it.",
                "What happened should never have happened.",
                "We owe you answers, and you will get them.",
                "Measures are under way to make sure this cannot happen again.",
            ],
            "pro": [
                "We recognise the anger caused by {event}. It is legitimate.",
                "{ceo} will personally answer questions from the people of {place}.",
                "We take full responsibility and will act accordingly.",
            ],
            "chat": [
                "We understand your anger; it is legitimate.",
                "What happened should never have happened.",
                "We owe you answers, and they are coming.",
                "You can message us directly and we will reply.",
            ],
            "react": ["We hear you", "Your questions are fair", "Answers coming"],
        },
        "mockery": {
            "std": [
                "We've seen a lot of jokes about {event}. We'd rather stay serious: here are the facts.",
                "Some posts are spoofing our statement; the situation deserves a little seriousness.",
                "All verified information is on our official channels.",
                "We remain available to answer every question.",
            ],
            "pro": [
                "Humour has its place, but {event} affects real people. Here are the facts.",
                "A few clarifications about the parodies going around.",
                "We would rather answer questions than jokes.",
            ],
            "chat": [
                "We get the humour, but this is a serious situation.",
                "A quick clarification about the messages going around.",
                "Verified information is on our website.",
                "We're still here for your questions.",
            ],
            "react": ["Helpful clarification", "The facts are here", "Let's keep it serious"],
        },
        "sadness": {
            "std": [
                "Our thoughts are with {victims} and their loved ones.",
                "Everyone at {org} has been deeply affected by {event}.",
                "We will be by your side in the days and weeks ahead.",
                "A support line is open for everyone affected.",
            ],
            "pro": [
                "Our thoughts are with {victims}. No words are enough.",
                "Every team at {org} has been deeply affected by {event}.",
                "We will support everyone affected for as long as it takes.",
            ],
            "chat": [
                "Our thoughts are with everyone affected.",
                "The whole team is deeply affected.",
                "We're here if you need us.",
                "A support line is open.",
            ],
            "react": ["Our thoughts are with you", "Support", "We're by your side"],
        },
    },
}

#: What the crowd (public, students, employees, bloggers, unions) says, by kind.
CORE: dict[str, dict[str, dict[str, list[str]]]] = {
    "post": {
        "approval": {
            "std": [
                "Honestly, {org} handled this well: they spoke quickly and clearly.",
                "For once, a company that owns it. Respect.",
                "{org} took responsibility, which is rare enough to point out.",
                "I'd rather have a company that admits its mistakes than one that hides.",
                "The {org} teams have been on it from the start. Hats off.",
                "Say what you like, but {org} is doing what's needed after {event}.",
            ],
            "pro": [
                "{org}'s response to {event} deserves recognition: speed, transparency, concrete action.",
                "Exemplary crisis communication from {org}.",
                "Acknowledge, act, inform: {org} is getting the basics right.",
                "Credit is due to the {org} teams on the ground.",
            ],
            "chat": [
                "tbh I think {org} is handling it pretty well",
                "at least they said something quickly, that's something",
                "honestly {org} did what they had to",
                "gotta admit they're on top of it",
            ],
        },
        "fear": {
            "std": [
                "We know nothing, and that's exactly what's scary.",
                "Does anyone have reliable information? I'm genuinely worried.",
                "This is frightening. Nobody is explaining what's really going on.",
                "I'm scared for {victims}. We need clear answers.",
                "Should we be worried? Radio silence from {org}.",
                "I haven't been able to sleep since {event}.",
            ],
            "pro": [
                "After {event}, the lack of clear information is fuelling understandable concern.",
                "Many questions remain unanswered. Concern is growing in {place}.",
                "Understandable concern: the consequences are still unclear.",
                "What are the medium-term consequences for {victims}? Nobody seems to know.",
            ],
            "chat": [
                "does anyone know what's going on? I'm worried",
                "any news?? I'm a bit scared tbh",
                "is it serious or not? nobody's saying anything",
                "be careful everyone, we don't know much yet",
            ],
        },
        "anger": {
            "std": [
                "Shame on {org}. They knew and did nothing.",
                "{org} couldn't care less about what happens to people. Disgraceful.",
                "How long before {org} is held accountable?",
                "After {event}, an apology won't cut it. We want action.",
                "Sick of companies gambling with our safety.",
                "{ceo} owes us an explanation. Now.",
            ],
            "pro": [
                "This was not inevitable: it was the result of choices. {org} must answer for them.",
                "The facts are serious, and {org}'s response falls short.",
                "Trust is lost in a day. {org} has just shown how.",
                "I expect precise explanations from {ceo}, not talking points.",
            ],
            "chat": [
                "this thing with {org} is a scandal",
                "so angry, they think we're idiots",
                "they knew!! and said nothing",
                "honestly {org} needs to pay for this",
                "never buying {org} {product} again",
            ],
        },
        "mockery": {
            "std": [
                "{org} and safety: a true love story 😂",
                "The {org} crisis plan: wait for it to blow over. Brilliant.",
                '"Everything is under control," said {ceo}. We noticed.',
                "{org}, world leader in communication... failures.",
                "Well done, {org}. Truly. A shining example.",
                'Can\'t wait for the next {org} statement: "minor incident", I bet.',
            ],
            "pro": [
                "A textbook case, to be taught on every crisis management course. For all the wrong reasons.",
                "A tip for {org}: a statement works better when it actually says something.",
                "There's a lot to learn from this, mostly what not to do.",
                "Between {org}'s talk of excellence and reality, there seems to be a small gap.",
            ],
            "chat": [
                "lol {org} are unreal",
                "no but the {org} statement 😂😂",
                '"everything is under control" 😂 sure',
                "bet they'll say it was a drill",
            ],
        },
        "sadness": {
            "std": [
                "So sad for {victims}. Nobody deserved this.",
                "Heavy heart tonight, thinking of {place}.",
                "I still can't believe it.",
                "Thinking of {victims} and their families.",
                "Seeing {place} like this really hurts.",
                "We trusted them. Something has broken.",
            ],
            "pro": [
                "Our thoughts are with {victims}. The time for questions will come; the time for solidarity is now.",
                "Deep sadness after {event}. Solidarity with {victims}.",
                "Beyond the numbers, these are lives affected. Thinking of {victims}.",
                "A difficult time for {place}. Support to everyone affected.",
            ],
            "chat": [
                "so sad what's happening in {place}",
                "thinking of {victims} 😢",
                "I can't believe it",
                "this is heartbreaking",
            ],
        },
    },
    "share": {
        "approval": {
            "std": [
                "Finally, some clear answers.",
                "Now that's a responsible response.",
                "Good news, pass it on.",
                "The explanation from {org} is somewhat reassuring.",
                "Worth reading before getting angry.",
            ],
            "pro": [
                "A response that rises to the occasion. Worth reading.",
                "Clear and useful communication.",
                "Worth reading to understand the measures taken.",
            ],
            "chat": [
                "look, they've responded",
                "worth a read, it's a bit reassuring",
                "finally some clear info",
            ],
        },
        "fear": {
            "std": [
                "Please share, this is important.",
                "This is scary... Stay safe.",
                "Read this if you're in {place}.",
                "Not sure what to make of it, but it worries me.",
                "Be careful, everyone.",
            ],
            "pro": [
                "Important information for people affected in {place}.",
                "Many questions remain.",
                "Sharing so the information gets around.",
            ],
            "chat": [
                "please pass this on",
                "read this if you're near {place}",
                "this is scary",
            ],
        },
        "anger": {
            "std": [
                "Read this and tell me it's normal.",
                "Everyone needs to know about this.",
                "Disgraceful. Share it.",
                "This is how {org} treats people.",
                "Share as widely as you can.",
            ],
            "pro": [
                "Serious facts that demand answers.",
                "{org}'s responsibility is clearly in question.",
                "These questions deserve answers.",
            ],
            "chat": [
                "read this, it's shameful",
                "pass it on, people need to know",
                "this is disgusting",
            ],
        },
        "mockery": {
            "std": [
                "I'm not making this up 😂",
                "The best of {org}, season 2.",
                "Is this a parody? Oh, it isn't.",
                "Never gets old.",
                "Get the popcorn 🍿",
            ],
            "pro": [
                "One to keep for the next crisis communication training.",
                "An example... of what not to do.",
                "Says it all, really.",
            ],
            "chat": [
                "I can't 😂",
                "look at this lol",
                "it's like a sketch",
            ],
        },
        "sadness": {
            "std": [
                "So sad.",
                "Thinking of {victims}.",
                "This hurts to read.",
                "Heartbreaking words.",
                "Standing with {place}.",
            ],
            "pro": [
                "Thinking of {victims}.",
                "Support to {place} at this difficult time.",
                "A hard read, but a necessary one.",
            ],
            "chat": [
                "so sad 😢",
                "heartbreaking",
                "thinking of everyone in {place}",
            ],
        },
    },
    "opener": {
        "approval": {
            "std": ["Exactly.", "Well said.", "Totally agree.", "Thanks for pointing that out."],
            "pro": ["Completely agree.", "I share this view.", "Very true."],
            "chat": ["exactly", "yeah", "totally"],
        },
        "fear": {
            "std": [
                "Have you seen this?",
                "Seriously?",
                "Wait, is that true?",
                "I hope you're wrong.",
            ],
            "pro": ["A fair question.", "That's my worry too.", "Good question."],
            "chat": ["have you seen??", "is that true?", "wait what??"],
        },
        "anger": {
            "std": ["Nonsense...", "Seriously?", "Stop defending them.", "Oh, come on."],
            "pro": ["I don't share this reading.", "Allow me to doubt that.", "With respect, no."],
            "chat": ["rubbish", "seriously??", "stop defending them"],
        },
        "mockery": {
            "std": ["Lol.", "Well, bravo.", "You killed me 😂", "Wait, is this a joke?"],
            "pro": ["The irony.", "You couldn't make it up.", "Says it all."],
            "chat": ["lmao", "lol", "dead 😂"],
        },
        "sadness": {
            "std": ["So sad.", "This breaks my heart.", "I have no words.", "It's terrible."],
            "pro": ["Well put.", "A sad reality.", "Thank you for this."],
            "chat": ["so sad", "no words", "it's hard 😢"],
        },
    },
    "reply": {
        "approval": {
            "std": [
                "They admitted it and they're acting. That's what we asked for.",
                "{org} spoke up faster than most companies would.",
                "Let them work; the teams are on it.",
                "You can blame them for plenty, but not for staying silent.",
                "It's a serious response, you have to admit.",
            ],
            "pro": [
                "{org}'s speed is clearly limiting the damage.",
                "The measures announced are the right ones.",
                "This is how trust gets rebuilt.",
            ],
            "chat": [
                "they did the job",
                "at least they're not hiding",
                "give them a chance",
            ],
        },
        "fear": {
            "std": [
                "Nobody really knows what's going on.",
                "They say everything's fine, but we have no proof.",
                "It worries me too. What are they waiting for to tell us?",
                "{org} needs to say clearly what the risks are.",
                "Maybe they're hiding things from us. That's what scares me.",
            ],
            "pro": [
                "The lack of precise information is rightly worrying.",
                "The consequences for {victims} need clarifying quickly.",
                "Clear information would spare a lot of anxiety.",
            ],
            "chat": [
                "it scares me tbh",
                "still no news??",
                "they need to tell us if we're at risk",
            ],
        },
        "anger": {
            "std": [
                "{org} knew and said nothing. Full stop.",
                "Apologising after the fact is too easy.",
                "If it were their families, they'd react differently.",
                "We're talking about real people, not a PR detail.",
                "{ceo} should resign. That's the minimum.",
            ],
            "pro": [
                "{org} is responsible, and that needs saying clearly.",
                "Downplaying the facts helps nobody, least of all {victims}.",
                "An apology is no substitute for concrete action.",
            ],
            "chat": [
                "they're mugging us off",
                "{org} knew, come on",
                "it's always the same people who pay",
            ],
        },
        "mockery": {
            "std": [
                "Their statement is a work of art 😂",
                "Next up: {ceo} explains that it's all our fault.",
                '"Incident under control," they said.',
                "{org} deserves a medal for failed communication.",
                'You actually believe their "no risk"?',
            ],
            "pro": [
                "A crisis management handbook, the edition not to follow.",
                "The distance between the talking points and reality is striking.",
                "This statement will go down in history, for the wrong reasons.",
            ],
            "chat": [
                "their comms are a joke",
                "wait till they say everything's fine 😂",
                "they're so bad at this",
            ],
        },
        "sadness": {
            "std": [
                "Thinking of {victims}.",
                "Nobody deserved this, least of all {victims}.",
                "I have family in {place}; it's hard to take.",
                "So sad to see {place} in the headlines for this.",
                "You never get used to news like this.",
            ],
            "pro": [
                "Thinking of {victims} and their loved ones.",
                "A hard time for a whole community.",
                "The time for accountability will come; today is for solidarity.",
            ],
            "chat": [
                "thinking of them",
                "so sad for {place}",
                "heartbreaking",
            ],
        },
    },
    "reaction": {
        "approval": {
            "std": ["Well said", "Bravo", "Respect", "Finally some good news"],
            "pro": ["Great response", "Very true", "Exemplary"],
            "chat": ["nice", "well done", "phew"],
        },
        "fear": {
            "std": ["Scary", "Frightening", "Hope everyone is OK", "Worrying"],
            "pro": ["Worrying", "Stay vigilant", "One to watch closely"],
            "chat": ["scary", "I'm scared", "oh no"],
        },
        "anger": {
            "std": ["Unacceptable", "Shameful", "Disgraceful", "Fed up"],
            "pro": ["Unacceptable", "Appalling", "They must answer for this"],
            "chat": ["shameful", "disgrace", "joke"],
        },
        "mockery": {
            "std": ["What a joke", "Lol", "Sure", "Incredible"],
            "pro": ["No comment", "Textbook case", "The irony"],
            "chat": ["lol", "lmao", "what a joke"],
        },
        "sadness": {
            "std": ["So sad", "Stay strong", "Thinking of {victims}", "Heartbreaking"],
            "pro": ["Thinking of {victims}", "Support", "Sad news"],
            "chat": ["so sad", "stay strong everyone", "it hurts"],
        },
    },
}

#: Reply openers of the accounts that speak only in their own voice.
OPENERS: dict[str, dict[str, list[str]]] = {
    "journalist": {
        "std": [
            "Good question.",
            "Thanks for flagging this.",
            "We're checking.",
            "An important point.",
        ],
        "pro": [
            "Thank you for this comment.",
            "A relevant question.",
            "That is exactly what we are investigating.",
            "Thanks for your input.",
        ],
        "chat": ["thanks for the tip", "checking now", "good question"],
    },
    "elected": {
        "std": [
            "Thank you for your message.",
            "I hear you.",
            "That's a real question.",
            "Let me answer directly.",
        ],
        "pro": [
            "Thank you for this message.",
            "Happy to answer.",
            "A legitimate question.",
            "I understand your reaction.",
        ],
        "chat": ["thanks for the message", "I hear you", "answering here"],
    },
    "organisation": {
        "std": [
            "Hello,",
            "Thank you for your message.",
            "Hello, and thank you for raising this.",
            "We have read your message.",
        ],
        "pro": [
            "Thank you for your message.",
            "Thank you for this feedback.",
            "Hello,",
            "We appreciate your comment.",
        ],
        "chat": [
            "Thank you for your message.",
            "We've read your message.",
            "Thanks for getting in touch.",
            "Noted, and appreciated.",
        ],
    },
}

#: Facebook / LinkedIn sign-offs of crowd posts, by emotion.
CLOSERS: dict[str, dict[str, list[str]]] = {
    "approval": {
        "std": ["Worth saying.", "Thanks to them.", "For once we can say something positive."],
        "pro": ["Others could learn from this response.", "Transparency pays."],
    },
    "fear": {
        "std": [
            "Does anyone have any news?",
            "Look after yourselves.",
            "If you know anything, please say.",
        ],
        "pro": ["What do you think?", "Information needs to flow."],
    },
    "anger": {
        "std": ["Share this, people need to know.", "We won't let this go.", "This can't stand."],
        "pro": ["Trust has to be earned.", "We expect action."],
    },
    "mockery": {
        "std": [
            "You have to laugh or you'd cry.",
            "Don't believe it? Neither do I.",
            "I'm not making this up.",
        ],
        "pro": ["Food for thought.", "A lesson for every communicator."],
    },
    "sadness": {
        "std": ["Strength to everyone.", "Take care of yourselves.", "Thinking of you all."],
        "pro": ["Solidarity.", "Support to everyone affected."],
    },
}

#: Sign-offs of journalists, officials and the organisation (whatever the emotion).
GROUP_CLOSERS: dict[str, dict[str, list[str]]] = {
    "journalist": {
        "std": [
            "We are following the situation.",
            "We'd like to hear from you.",
            "More to follow.",
        ],
        "pro": ["Full story on our website.", "Our investigation continues."],
    },
    "elected": {
        "std": ["I will keep you informed.", "My door is open."],
        "pro": ["I remain available to residents.", "We will report back publicly."],
    },
    "organisation": {
        "std": ["We will keep you updated here.", "We will answer your questions here."],
        "pro": ["We will report on every step.", "Our teams remain at your disposal."],
    },
}

#: WhatsApp's label on a message that went round many groups (rumours travel this way).
FORWARDED_MANY = "Forwarded many times:"

#: How a forward looks on each platform; "<>" is the sharer's comment.
SHARE_FRAMES: dict[str, list[str]] = {
    "microblog": ["RT <>", "<> 👇", "Read this. <>", "<> ⬇️"],
    "social": ["Sharing: <>", "Sharing this. <>", "Please share: <>", "<> Sharing."],
    "photo": ["🔁 <>", "On my story 👉 <>", "Repost 📲 <>"],
    "professional": ["Sharing this update. <>", "Reposting. <>", "Worth reading. <>"],
    "messaging": ["Forwarded: <>", "↪️ Forwarded. <>", "passing this on: <>"],
}

#: Someone spreading a rumour; {claim} is a full clause ("the tap water is contaminated").
CLAIMS: dict[str, dict[str, list[str]]] = {
    "approval": {
        "std": [
            "Apparently {claim}, but {org} seems to be on top of it.",
            "Going around: {claim}. Waiting for {org} to confirm; they've been clear so far.",
            "Seen this: {claim}. Let's trust {org} to keep us informed.",
            "Some say {claim}. Nothing official, and {org} has been communicating well.",
            "Heard that {claim}. Stay calm, {org} is dealing with it.",
        ],
        "pro": [
            "Information is circulating that {claim}. Let's wait for {org} to confirm; they have been clear.",
            "According to some sources, {claim}. {org} has been transparent so far; let's wait.",
            "Today's rumour: {claim}. Let's stay measured; {org} is doing what's needed.",
            "To be verified: {claim}. {org}'s communication has been reliable so far.",
        ],
        "chat": [
            "apparently {claim}, but {org} is dealing with it",
            "seen this: {claim}. waiting to hear from {org}",
            "rumour is {claim}. I trust {org} tbh",
            "someone told me {claim}. we'll see, they've been clear so far",
        ],
    },
    "fear": {
        "std": [
            "Warning: apparently {claim}. Pass it on.",
            "A friend who works there just confirmed it: {claim}.",
            "Going around in {place}: {claim}. Can anyone confirm?",
            "Several neighbours say {claim}. Is it true?",
            "From someone close to it: {claim}. Please be careful.",
        ],
        "pro": [
            "Information is circulating that {claim}. If confirmed, the situation is serious.",
            "Several sources report that {claim}. Clarification is needed.",
            "According to unconfirmed reports, {claim}.",
            "Unconfirmed, but concerning: {claim}.",
        ],
        "chat": [
            "have you seen? apparently {claim}",
            "mate just told me {claim}. be careful",
            "it's going round the neighbourhood group: {claim}",
            "is it true?? someone said {claim}",
        ],
    },
    "anger": {
        "std": [
            "And nobody tells us: {claim}!",
            "So {claim}, and {org} says nothing? Disgraceful.",
            "They're hiding everything: {claim}.",
            "Reliable source: {claim}. Shame on {org}.",
            "Just found out that {claim}. Who's going to pay for this?",
        ],
        "pro": [
            "According to several sources, {claim}. If true, that is unacceptable.",
            "Yet to be confirmed, but serious: {claim}.",
            "Consistent accounts suggest {claim}. {org} must explain.",
            "If it is confirmed that {claim}, {org} bears responsibility.",
        ],
        "chat": [
            "they're hiding everything, {claim}!!",
            "reliable source: {claim}",
            "so {claim} and nobody says anything??",
            "just been told {claim}. disgrace",
        ],
    },
    "mockery": {
        "std": [
            "So if I've got this right, {claim}. Brilliant.",
            "Apparently {claim}. But everything's under control, right 😂",
            "News of the day: {claim}. Well done, {org}.",
            "Latest: {claim}. The wonders of progress.",
            'Rumour has it {claim}. Can\'t wait for the "no risk" statement.',
        ],
        "pro": [
            "Today's news, to be taken with caution: {claim}. Reassuring.",
            "Rumour has it {claim}. {org}'s communication isn't helping to deny it.",
            "If social media is to be believed, {claim}. So, all fine then.",
            "What's going around: {claim}. {org}'s silence does the rest.",
        ],
        "chat": [
            "apparently {claim} lol",
            "so {claim}. all fine then 😂",
            "well apparently {claim}, but it's all under control right",
            "best one yet: {claim} 😂",
        ],
    },
    "sadness": {
        "std": [
            "Apparently {claim}... it's awful.",
            "If it's true that {claim}, I have no words.",
            "Sad news going around: {claim}.",
            "People close to it say {claim}. Thinking of everyone.",
            "It's been confirmed to me: {claim}. Heartbroken.",
        ],
        "pro": [
            "According to unconfirmed reports, {claim}. Difficult news.",
            "People close to the situation say {claim}. Thinking of those affected.",
            "Sad information is circulating: {claim}.",
            "If it is confirmed that {claim}, it is another blow for {place}.",
        ],
        "chat": [
            "apparently {claim}... so sad",
            "someone told me {claim}. no words",
            "a neighbour says {claim}. it hurts",
            "please tell me it's not true that {claim} 😢",
        ],
    },
}

#: An ally pushing back on critics when the organisation communicates well.
DEFENCE: dict[str, list[str]] = {
    "std": [
        "They apologised and took action. Let them get on with it.",
        "{org} admitted what happened. What more do you want?",
        "Honestly, they're communicating more than most companies would. Give them time.",
        "Criticising is easy. At least they're doing something.",
        "The {org} teams have been on the ground from the start. A little respect.",
        "They're answering every question, even the nastiest ones. Hats off.",
        "Before you pile on {org}, read their whole statement.",
        "{ceo} spoke up and took responsibility. You can't accuse them of hiding.",
    ],
    "pro": [
        "{org}'s response has been fast, transparent and backed by concrete action. Hard to do better.",
        "Criticism is legitimate, but let's acknowledge {org}'s efforts at transparency.",
        "An apology, measures, follow-up: {org} is doing what we expect of a responsible company.",
        "Let's give the {org} teams time to work; updates are coming regularly.",
        "{ceo} spoke quickly and took responsibility. That's rare, and worth saying.",
    ],
    "chat": [
        "they apologised and they're working on it, leave them be",
        "honestly they're doing what they can",
        "read their statement before you criticise",
        "they're answering everyone, that's something",
        "{org} owned it, makes a change",
        "calm down, they've explained everything",
    ],
}
DEFENCE_CLOSERS: dict[str, list[str]] = {
    "std": ["A bit of perspective never hurts.", "Judge them on what they do."],
    "pro": ["Let's judge on actions.", "Some perspective is needed."],
}

#: Replies under the organisation's own statement, by emotion.
MESSAGE_REPLIES: dict[str, dict[str, list[str]]] = {
    "approval": {
        "std": [
            "Thank you for being transparent.",
            "Finally some clear answers, thank you.",
            "Thanks for speaking up so quickly.",
            "That's what we were waiting for. Thank you, {org}.",
            "Clear and human. Thank you.",
        ],
        "pro": [
            "A clear and responsible statement. Thank you.",
            "Thank you for this transparency; it matters.",
            "A message that matches the seriousness of the situation.",
            "Specific commitments: exactly what was needed.",
        ],
        "chat": [
            "thanks for the info",
            "thanks, that's clear",
            "ok thanks, that's reassuring",
            "thanks for keeping us posted",
            "great, thanks",
        ],
    },
    "fear": {
        "std": [
            "And in practice, what are the risks?",
            "Thanks, but are we affected or not?",
            "Could you be more specific? People are scared.",
            "And what is planned for {victims}?",
            "When will we know more?",
        ],
        "pro": [
            "Thank you for this message. What are the concrete next steps?",
            "Could you clarify the consequences for {victims}?",
            "A timetable for updates would be reassuring.",
            "What guarantees can you give today?",
        ],
        "chat": [
            "ok but what's the risk?",
            "and what do we do?",
            "when will you know more?",
            "is it serious or not?",
            "should we be worried?",
        ],
    },
    "anger": {
        "std": [
            "A statement that says nothing.",
            "Words, always words. Where's the action?",
            "Who do you think you're fooling?",
            "Too little, too late.",
            "And the apology, when's that coming?",
        ],
        "pro": [
            "This message answers none of the questions asked.",
            "Polished in form; empty in substance.",
            "We expect specific commitments, not talking points.",
            "A statement is no substitute for action.",
        ],
        "chat": [
            "your message means nothing",
            "too late",
            "and the apology??",
            "you're having a laugh",
            "actions not words",
        ],
    },
    "mockery": {
        "std": [
            "Wow, crystal clear 🙃",
            "Did the intern proofread this?",
            '"Everything is under control", we\'re used to it 😂',
            "Thanks for this moment of poetry.",
            "Beautiful. Means nothing, but beautiful.",
        ],
        "pro": [
            "A text that will feature in crisis communication training for years.",
            "Elegant, but we're still looking for the information.",
            "A fine exercise in style.",
            "Plenty of words, very few answers.",
        ],
        "chat": [
            "lol the statement",
            "thanks for the laugh 😂",
            "is this a joke?",
            "lmao they really posted this",
            "understood nothing lol",
        ],
    },
    "sadness": {
        "std": [
            "Thinking of {victims}. Please don't forget them.",
            "Sad to read this. Strength to everyone.",
            "A necessary message, but so sad.",
            "Thinking of everyone affected.",
            "Thank you for these words. It changes nothing, but thank you.",
        ],
        "pro": [
            "The right words at a difficult time.",
            "Thinking of {victims} and their loved ones.",
            "Thank you for this message of support.",
            "A dignified message at a painful time.",
        ],
        "chat": [
            "thinking of them",
            "so sad",
            "thanks for the kind words",
            "strength to everyone",
            "heartbreaking",
        ],
    },
}

#: Notable accounts' moments; extra fields per event are listed in `text.EVENT_FIELDS`.
NOTABLE: dict[str, list[str]] = {
    "question": [
        "{handle} Hello, {name} from {outlet}. We're preparing a story on {topic}: could you respond within {deadline} minutes?",
        "We have asked {org} about {topic}. If we hear nothing within {deadline} minutes, we will publish without their side.",
        "{handle} We would like your response on {topic}. Deadline in {deadline} minutes. {name}, {outlet}.",
        "{name} ({outlet}): we have put questions to {org} about {topic}. Answer expected within {deadline} minutes.",
        "{handle} {outlet} is working on {topic}. Could you call us back in the next {deadline} minutes? {name}",
    ],
    "no_response": [
        "{outlet} asked {org} about {topic}: no response at the time of publication.",
        "Our questions to {org} about {topic} went unanswered. Our story is live. {name}, {outlet}.",
        "{org} declined to answer our questions about {topic}. {name} ({outlet})",
        "Despite repeated requests, {org} has not responded to our questions about {topic}. {name}, {outlet}.",
        "Silence from {org}: our questions about {topic} remain unanswered. {outlet}",
    ],
    "article": [
        "Our story on {topic} is live. {name}, {outlet}.",
        "Read on {outlet}: our investigation into {topic}.",
        "{name} ({outlet}): what we know about {topic}. Read the story.",
        "Investigation into {topic}: what {org} didn't say. Read it on {outlet}.",
        "New on {outlet}: the full picture on {topic}, with accounts from people in {place}.",
    ],
    "answered": [
        "{org} has answered our questions. Thank you. {name}, {outlet}.",
        "Update: {org} has responded, and we are adding their comments to the story.",
        "{org} has provided answers to {outlet}. Story updated.",
        "{name} ({outlet}): {org}'s response has arrived; we are publishing it in full.",
    ],
    "official_statement": [
        'Statement from {name}: "The people of {place} deserve clear and prompt answers. I have demanded that {org} account for this."',
        '{name}: "I will not leave the people of {place} without answers. {org} must explain itself."',
        "Statement by {name}: the situation in {place} requires {org} to account for its actions without delay.",
        "{name} calls for a public meeting in {place} with the management of {org}.",
        '"The anger of the people of {place} is legitimate." {name} challenges {org}.',
    ],
    "union_call": [
        "{name} calls on {org} staff to rally outside {site}.",
        "{org} staff will not stay silent: {name} calls for a walkout.",
        '{name}: "{org} management must hear the anger of its staff. See you tomorrow outside {site}."',
        "{name} calls for mobilisation: safety, transparency and respect for {org} staff.",
        "Strike notice served at {org} by {name}.",
    ],
    "blogger_rant": [
        "New video: I'm telling you everything about {org} after {event}. It's going to sting. {name}",
        "{name} here. I wasn't going to say anything, but {org}'s behaviour after {event} is indefensible.",
        "Thread: why {org} no longer deserves our trust after {event}. {name}",
        "I'm {name} and I'm boycotting {org}. Here's why.",
        "New video: {org}, {event}, and everything they're not telling you.",
    ],
}
