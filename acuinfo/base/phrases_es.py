"""The words acuinfo puts around the content, in Spanish (see ``acuinfo.base.phrases``)."""

PHRASES = {
    # Languages
    "English": "inglés",
    "Spanish": "español",
    "Simplified Chinese": "chino simplificado",
    # The about page: translations
    "Translation into {language}": "Traducción al {language}",
    "{count} of {total} files translated.": "{count} de {total} archivos traducidos.",
    "{count} of {total} files translated. No translation has been checked by a qualified "
    "medical translator yet.": "{count} de {total} archivos traducidos. Ningún traductor "
                               "médico calificado ha revisado todavía estas traducciones.",
    "File": "Archivo",
    "Translated": "Traducido",
    "From the English version": "De la versión en inglés",
    "Checked by a medical translator": "Revisado por un traductor médico",
    "{version} (current)": "{version} (vigente)",
    "{version} (the English has changed since)": "{version} (el inglés cambió después)",
    "not yet": "todavía no",
    "Shown in English: {files}.": "Se muestran en inglés: {files}.",
}
