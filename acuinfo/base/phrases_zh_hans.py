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
}
