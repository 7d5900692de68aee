"""The words acuinfo puts around the content, in Simplified Chinese (see
``acuinfo.base.phrases``)."""

PHRASES = {
    # Languages
    "English": "英语",
    "Spanish": "西班牙语",
    "Simplified Chinese": "简体中文",
    # The about page: translations
    "Translation into {language}": "{language}译本",
    "{count} of {total} files translated.": "共 {total} 个文件，已翻译 {count} 个。",
    "{count} of {total} files translated. No translation has been checked by a qualified "
    "medical translator yet.": "共 {total} 个文件，已翻译 {count} 个。这些译文还没有经过"
                               "合格的医学翻译审核。",
    "File": "文件",
    "Translated": "翻译日期",
    "From the English version": "所依据的英文版本",
    "Checked by a medical translator": "医学翻译审核",
    "{version} (current)": "{version}（最新）",
    "{version} (the English has changed since)": "{version}（英文原文之后有改动）",
    "not yet": "尚未审核",
    "Shown in English: {files}.": "以下内容仍显示英文：{files}。",
    # Messages when a name is not found or means more than one thing
    "no condition called {name}.": "没有叫{name}的疾病。",
    "no entry called {name}.": "没有叫{name}的条目。",
    "no source called {name}.": "没有叫{name}的资料来源。",
    "no glossary term called {name}.": "词语解释里没有{name}这个词。",
    "no tip category called {name}.": "没有叫{name}的小贴士类别。",
    "{name} can mean more than one condition.": "{name}可能指不止一种疾病。",
    "{name} can mean more than one thing.": "{name}可能有不止一种意思。",
    "Give one of these names instead:": "请改用下面的一个名称：",
    "acuinfo has a page on:": "acuinfo 有这方面的页面：",
    "See every condition with: {command}": "查看所有疾病，请运行：{command}",
    "there is no page on {illness}.": "没有关于{illness}的页面。",
    "See the conditions acuinfo covers with: {command}":
        "查看 acuinfo 介绍的疾病，请运行：{command}",
    "Did you mean: {names}?": "您是不是要找：{names}？",
    "A tip category is one of: {names}.": "小贴士类别有：{names}。",
    "See them all with: {command}": "查看全部，请运行：{command}",
    "See the full list with: {command}": "查看完整列表，请运行：{command}",
    "Or search for it: {command}": "或者搜索一下：{command}",
    # Under the title: dates and who checked the page
    "Date": "日期",
    "Last reviewed": "上次审核",
    "Review due": "下次审核",
    "Checked by": "审核人",
    "Corrections": "发现错误",
    # Around the content: sources, commands, warnings, charts, parts of a handout
    "Sources": "资料来源",
    "Sources:": "资料来源：",
    "Open with:": "查看请运行：",
    "IMPORTANT:": "重要：",
    "Chart: {title}. {words}": "图表：{title}。{words}",
    "Part {number}: {heading}": "第 {number} 部分：{heading}",
    # The glossary
    "Glossary": "词语解释",
    '{count} terms have "{words}" in their name.': "有 {count} 个词语的名称里有“{words}”。",
    # The about page: reviews
    "When each file was last reviewed": "每个文件上次审核的时间",
    "Reviewed": "审核日期",
    "{file} (DRAFT)": "{file}（草稿）",
    # Search
    "Search: {words}": "搜索：{words}",
    '"{words}" can mean more than one condition': "“{words}”可能指不止一种疾病",
    '"{words}" can mean more than one thing': "“{words}”可能有不止一种意思",
    "acuinfo has no page on {illness}": "acuinfo 没有关于{illness}的页面",
    "Pages that mention it": "提到它的页面",
    "Other matches": "其他结果",
    "Results": "搜索结果",
    "Nothing in acuinfo mentions {words}. These match your other words:":
        "acuinfo 里没有提到{words}。下面的内容与您的其他词语相符：",
    'Nothing in acuinfo matched "{words}".': "acuinfo 里没有与“{words}”相符的内容。",
    "Closest topics": "最相近的主题",
    "What you can do": "您可以这样做",
    "See every condition acuinfo covers: acuinfo conditions":
        "查看 acuinfo 介绍的所有疾病：acuinfo conditions",
    "Look up a word acuinfo uses: acuinfo glossary": "查一查 acuinfo 用到的词语：acuinfo glossary",
    "See every command and topic: acuinfo --help": "查看所有命令和主题：acuinfo --help",
    "Ask your practitioner or your doctor about {topic}.": "关于{topic}，请问问您的针灸师或医生。",
    "Ask your practitioner or your doctor.": "请问问您的针灸师或医生。",
    "They know your health, and can answer what acuinfo cannot.":
        "他们了解您的健康状况，能回答 acuinfo 回答不了的问题。",
    # Sources
    "n.d.": "年份不详",
    "What it found: {finding}": "研究发现：{finding}",
    "See what cites one with: acuinfo sources ID":
        "想知道哪些内容引用了某个资料来源，请运行：acuinfo sources ID",
    "Cited by": "引用它的内容",
    "Nothing in acuinfo cites it yet.": "acuinfo 里还没有内容引用它。",
    "Tip: {title} (acuinfo tips)": "小贴士：{title} (acuinfo tips)",
    "Glossary: {term} (acuinfo glossary {id})": "词语解释：{term} (acuinfo glossary {id})",
    # Self-care tips
    "Self-care tips": "自我护理小贴士",
    "More ways to look after yourself with {condition}:": "{condition}的更多自我护理方法：",
    "Self-care tips for {condition}": "{condition}的自我护理小贴士",
    "One group at a time: acuinfo tips --category NAME, where NAME is one of {names}.":
        "只看一组，请运行：acuinfo tips --category NAME。NAME 可以是：{names}。",
    # A note on a page's translation
    "Not yet translated into {language}, so shown in English: {titles}.":
        "以下内容还没有翻译成{language}，所以显示英文：{titles}。",
    "Some parts of {titles} are not yet translated into {language}, so they are shown in "
    "English.": "{titles}中有些部分还没有翻译成{language}，所以显示英文。",
    "This translation has not yet been checked by a qualified medical translator. If "
    "something is not clear, ask your practitioner.":
        "这份译文还没有经过合格的医学翻译审核。如有不清楚的地方，请问问您的针灸师。",
    # The progress journal
    "The progress journal is in English only for now: its questions are asked in the words "
    "they were tested in.":
        "进展日记目前只有英文版：其中的问题必须用当初经过测试的英文原话来问。",
    # Kinds of search results
    "condition": "疾病",
    "page": "页面",
    "tip": "小贴士",
    "session": "治疗",
    "glossary": "词语解释",
    # The notice at the foot of every page, and who checked a page
    "acuinfo gives general information. It does not replace advice from your doctor or "
    "another clinician. For signs that need urgent care, run: acuinfo red-flags":
        "acuinfo 提供的是一般信息，不能代替您的医生或其他医护人员的建议。要查看需要紧急处理"
        "的信号，请运行：acuinfo red-flags",
    "the acuinfo project team (not yet checked by a named clinician)":
        "acuinfo 项目团队（还没有经过具名临床医生的审核）",
    "the team that writes acuinfo, not yet checked by a named clinician":
        "编写 acuinfo 的团队，还没有经过具名临床医生的审核",
    "nobody yet: this is a draft": "还没有人审核：这是草稿",
    "If you think something here is wrong or out of date, tell the clinic or the person who "
    "gave you this information.":
        "如果您觉得这里有错误或内容过时，请告诉诊所，或告诉给您这份资料的人。",
    # What each strength of evidence means
    "Several good studies agree, and real needling does better than sham (fake) needling.":
        "几项高质量的研究结论一致，真针刺的效果好于假针刺（假装的扎针）。",
    "Reviews show a benefit, but it is small or the studies vary.":
        "综述显示有好处，但好处不大，或者各项研究的结果不一致。",
    "There are few or small studies, or real needling did about as well as sham.":
        "研究很少或规模很小，或者真针刺的效果和假针刺差不多。",
    "There is too little research to say whether it helps.":
        "研究太少，还不能说它有没有帮助。",
    "acuinfo gives a rating only when it can show you the results behind it, and it cannot "
    "do that here yet.":
        "只有能把评级所依据的研究结果展示给您时，acuinfo 才会给出评级。这里还做不到。",
    # The levels of urgency: headings and what to do
    "Get emergency help now": "立即寻求急救",
    "Get medical advice today": "当天寻求医疗建议",
    "See your doctor in the coming weeks": "近几周内去看医生",
    "Call your local emergency number (for example, 911 in the US or 999 in the UK) or go to "
    "the nearest emergency department now if you have any of these. Do not wait for "
    "acupuncture.":
        "如果有这些情况中的任何一种，请立即拨打当地的急救电话（比如美国的911或英国的999），"
        "或马上去最近的急诊科。不要等着做针灸。",
    "Call {number} or go to the nearest emergency department now if you have any of these. "
    "Do not wait for acupuncture.":
        "如果有这些情况中的任何一种，请立即拨打{number}，或马上去最近的急诊科。不要等着做针灸。",
    "Contact your doctor today if you have any of these. If you cannot reach them, call an "
    "urgent medical advice line (for example, NHS 111 in the UK).":
        "如果有这些情况中的任何一种，请当天联系您的医生。如果联系不上，请拨打紧急医疗咨询热线"
        "（比如英国国家医疗服务体系的 NHS 111）。",
    "Contact your doctor today if you have any of these. If you cannot reach them, call "
    "{number}.":
        "如果有这些情况中的任何一种，请当天联系您的医生。如果联系不上，请拨打{number}。",
    "Book a visit with your doctor if any of these apply to you.":
        "如果有这些情况中的任何一种，请预约看医生。",
    # Kinds of source
    "trial": "试验",
    "review": "综述",
    "guideline": "指南",
    "study": "研究",
    "web page": "网页",
    # A web page cited: when it was last checked
    "Checked {date}.": "核查日期：{date}。",
    # The clinic's own details
    "Your clinic": "您的诊所",
    "Practitioner": "针灸师",
    "Address": "地址",
    "Phone": "电话",
    "Web site": "网站",
    "Opening hours": "营业时间",
    "Prices": "价格",
    "Insurance and payment": "保险和付款方式",
    "In an emergency, call": "紧急情况请拨打",
    "For urgent medical advice, call": "紧急医疗咨询请拨打",
    "To send a correction": "发现错误请联系",
    # The page on one condition
    "This page gives general information. It does not replace advice from your doctor or "
    "another clinician. For signs that need urgent care, see \"Get medical help first\" on "
    "this page.":
        "本页提供的是一般信息，不能代替您的医生或其他医护人员的建议。要了解需要紧急处理的信号，"
        "请看本页的“先寻求医疗帮助”。",
    "This page says what acupuncture can and cannot do for it, when to get medical help "
    "first, and what you can do yourself.":
        "本页介绍针灸对这个问题能起什么作用、不能起什么作用，什么时候要先寻求医疗帮助，"
        "以及您自己能做些什么。",
    "This page gives a rating only when it can show you the results behind it, and it "
    "cannot do that here yet.":
        "只有能把评级所依据的研究结果展示给您时，本页才会给出评级。这里还做不到。",
    "{heading} (in English)": "{heading}（英文）",
    "Strength of evidence: good. {meaning}": "证据强度：较强。{meaning}",
    "Strength of evidence: moderate. {meaning}": "证据强度：中等。{meaning}",
    "Strength of evidence: limited. {meaning}": "证据强度：有限。{meaning}",
    "Strength of evidence: insufficient. {meaning}": "证据强度：不足。{meaning}",
    "Strength of evidence: not rated. {meaning}": "证据强度：未评级。{meaning}",
    "What it is": "它是什么",
    "Common symptoms": "常见症状",
    "Get medical help first": "先寻求医疗帮助",
    "What tends to cause it": "通常由什么引起",
    "Your pain diary": "您的疼痛日记",
    "Related conditions": "相关疾病",
    # The list of conditions
    "Conditions": "疾病",
    "Name": "名称",
    "Condition": "疾病",
    "Summary": "简介",
    "Read one with: acuinfo condition NAME": "查看其中一种，请运行：acuinfo condition NAME",
    # The forms: pain scale, pain diary, what change is worth noticing, phone numbers
    "Pain scale: 0 (no pain) - 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 (the worst pain you can "
    "imagine)":
        "疼痛评分：0（不痛）- 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10（能想象到的最痛）",
    "Score your pain before your first session, and again before each session, at about the "
    "same time of day. Write it in the table below or in a notebook, and take it to each "
    "session.":
        "第一次治疗前，给疼痛打个分。以后每次治疗前再打一次，尽量在一天中差不多同一时间。"
        "把分数写在下表里或本子上，每次治疗时带上。",
    "Start": "开始前",
    "Pain": "疼痛",
    "Enjoyment": "生活乐趣",
    "Activity": "日常活动",
    "What you can do again": "又能做的事",
    "Pain: your pain on average in the past week.": "疼痛：过去一周里平均有多痛。",
    "Enjoyment: how much pain got in the way of enjoying life.":
        "生活乐趣：疼痛对生活乐趣的影响有多大。",
    "Activity: how much pain got in the way of your daily activities.":
        "日常活动：疼痛对日常活动的影响有多大。",
    "Session": "第几次治疗",
    "Pain (0-10)": "疼痛（0-10）",
    "Notes": "备注",
    "In the notes, write what you can do again, such as a longer walk or a full night's "
    "sleep. After the 6th session, go on in a notebook.":
        "在备注里，写下您又能做的事，比如能走得更远，或能一觉睡到天亮。第6次治疗以后，"
        "请接着记在本子上。",
    "Is your pain down by a change worth noticing? Find your first pain score in the table "
    "below. The number that goes with it is a later score worth noticing.":
        "疼痛减轻得值得注意吗？请在下表中找到您第一次的疼痛分数。和它对应的数字，就是以后值得注意的分数。",
    "Your first pain score": "第一次的疼痛分数",
    "Worth noticing: a later score of this or lower": "值得注意：以后的分数等于或低于这个数",
    "Look at your scores with your practitioner at each session. If nothing has changed by "
    "about the 6th, talk about stopping.":
        "每次治疗时，和针灸师一起看看您的分数。如果到第6次左右还没有任何变化，"
        "请商量是否停止。",
    "Look at your scores with your practitioner at each session.":
        "每次治疗时，和针灸师一起看看您的分数。",
    "Phone numbers": "电话号码",
    "Who": "联系谁",
    "Phone number": "电话号码",
    "Your acupuncture clinic": "您的针灸诊所",
    "Your doctor": "您的医生",
    "Urgent medical advice": "紧急医疗咨询",
    "Emergency": "急救",
    # The handout
    "This handout helps you decide about acupuncture for {about}, know when to get medical "
    "help first, and look after yourself between sessions. Ask your clinician about anything "
    "that is not clear.":
        "这份资料帮助您决定是否用针灸治疗{about}，知道什么时候要先寻求医疗帮助，以及在两次治疗"
        "之间怎样照顾自己。有不清楚的地方，请问问您的医护人员。",
    "This handout gives general information. It does not replace advice from your doctor or "
    "another clinician. For signs that need urgent care, see \"When to get help\".":
        "这份资料提供的是一般信息，不能代替您的医生或其他医护人员的建议。要了解需要紧急处理的"
        "信号，请看“什么时候要求助”。",
    "the team that writes acuinfo, not yet a named clinician":
        "编写 acuinfo 的团队（尚无具名临床医生审核）",
    "This handout gives a rating only when it can show you the results behind it, and it "
    "cannot do that here yet.":
        "只有能把评级所依据的研究结果展示给您时，这份资料才会给出评级。这里还做不到。",
    "Acupuncture and {about}": "针灸与{about}",
    "{names} and {last}": "{names}和{last}",
    "Key points": "要点",
    "When to get help": "什么时候要求助",
    "How acupuncture may help": "针灸可能怎样帮到您",
    "What the research shows": "研究结果",
    "Strength of evidence for {condition}: {rating}. {meaning}":
        "针灸治疗{condition}的证据强度：{rating}。{meaning}",
    "good": "较强",
    "moderate": "中等",
    "limited": "有限",
    "insufficient": "不足",
    "not rated": "未评级",
    "What a course looks like": "一个疗程是怎样的",
    "What else helps": "还有什么有帮助",
    "Looking after yourself": "照顾好自己",
    "Your sessions": "您的治疗",
    "What to do before, during and after a session.": "每次治疗前、治疗中和治疗后该做什么。",
    # The handout's pain diary
    "Fill in a row before your first session and before each one after it. Score each from 0 "
    "(best) to 10 (worst).":
        "第一次治疗前填一行，以后每次治疗前再填一行。每一项打0分（最好）到10分（最差）。",
    "Take it to each session. At about the 6th session, decide with your practitioner "
    "whether to go on.":
        "每次治疗时都带上它。到第6次左右，和针灸师一起决定是否继续。",
    # What each drawing shows
    "Drawing: a person sits at a desk. The top of the screen is level with their eyes.":
        "图：一个人坐在桌前。屏幕的上边缘和眼睛一样高。",
    "Drawing: a person sits upright, with a cushion behind the lower back and both feet flat "
    "on the floor.":
        "图：一个人坐直，腰后垫着靠垫，两只脚平放在地上。",
    "Drawing: a person lifts a box with bent knees and a straight back, holding the box "
    "close to the body.":
        "图：一个人弯着膝盖、挺直后背搬箱子。箱子贴近身体。",
    "Drawing: a head and shoulders from the front. A curved arrow over the head shows it "
    "turning from side to side, not tipping.":
        "图：从正面看的头和肩膀。头上方的弯箭头表示头向左右转动，而不是向两边歪。",
    "Drawing: a person lies face down on a treatment couch, resting. A few thin needles "
    "stand in the skin of the upper back.":
        "图：一个人趴在治疗床上休息。上背部的皮肤上扎着几根细针。",
    "Drawing: a sealed pack of thin needles, each for one use only. Its cover is peeled "
    "back at one corner.":
        "图：一包密封的细针，每根针只用一次。包装的一角已经撕开。",
    "Drawing: a person out for a walk.": "图：一个人在散步。",
    "Drawing: a person lies on their side in bed. The pillow fills the space under the head, "
    "so the neck is level with the back.":
        "图：一个人侧躺在床上。枕头填满头下面的空间，让脖子和后背保持在一条直线上。",
    # The session journey
    "This page gives general information. It does not replace advice from your doctor or "
    "another clinician. If something goes wrong during or after a session, see the boxes "
    "under \"After a session\".":
        "本页提供的是一般信息，不能代替您的医生或其他医护人员的建议。如果治疗时或治疗后出了"
        "问题，请看“治疗后”下面的提示框。",
    "This page gives general information. It does not replace advice from your doctor or "
    "another clinician. If you feel suddenly short of breath or have chest pain during or "
    "after a session, call your local emergency number.":
        "本页提供的是一般信息，不能代替您的医生或其他医护人员的建议。如果治疗时或治疗后突然"
        "喘不过气或胸痛，请拨打当地的急救电话。",
    "Time in all: {time}": "总时长：{time}",
}
