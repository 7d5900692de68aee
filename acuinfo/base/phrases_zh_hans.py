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
}
