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
    # Messages when a name is not found or means more than one thing
    "no condition called {name}.": "no hay ningún problema de salud llamado {name}.",
    "no entry called {name}.": "no hay ninguna entrada llamada {name}.",
    "no source called {name}.": "no hay ninguna fuente llamada {name}.",
    "no glossary term called {name}.": "no hay ninguna palabra del glosario llamada {name}.",
    "no tip category called {name}.": "no hay ninguna categoría de consejos llamada {name}.",
    "{name} can mean more than one condition.":
        "{name} puede referirse a más de un problema de salud.",
    "{name} can mean more than one thing.": "{name} puede querer decir más de una cosa.",
    "Give one of these names instead:": "Escriba mejor uno de estos nombres:",
    "acuinfo has a page on:": "acuinfo tiene una página sobre:",
    "See every condition with: {command}": "Vea todos los problemas de salud con: {command}",
    "there is no page on {illness}.": "no hay ninguna página sobre {illness}.",
    "See the conditions acuinfo covers with: {command}":
        "Vea los problemas de salud que cubre acuinfo con: {command}",
    "Did you mean: {names}?": "¿Quiso decir: {names}?",
    "A tip category is one of: {names}.": "Las categorías de consejos son: {names}.",
    "See them all with: {command}": "Vea la lista completa con: {command}",
    "See the full list with: {command}": "Vea la lista completa con: {command}",
    "Or search for it: {command}": "O búsquelo: {command}",
    # Under the title: dates and who checked the page
    "Date": "Fecha",
    "Last reviewed": "Última revisión",
    "Review due": "Próxima revisión",
    "Checked by": "Revisado por",
    "Corrections": "Correcciones",
    # Around the content: sources, commands, warnings, charts, parts of a handout
    "Sources": "Fuentes",
    "Sources:": "Fuentes:",
    "Open with:": "Véalo con:",
    "IMPORTANT:": "IMPORTANTE:",
    "Chart: {title}. {words}": "Gráfico: {title}. {words}",
    "Part {number}: {heading}": "Parte {number}: {heading}",
    # The glossary
    "Glossary": "Glosario",
    '{count} terms have "{words}" in their name.':
        '{count} palabras tienen "{words}" en su nombre.',
    # The about page: reviews
    "When each file was last reviewed": "Cuándo se revisó cada archivo por última vez",
    "Reviewed": "Revisado",
    "{file} (DRAFT)": "{file} (BORRADOR)",
    # Search
    "Search: {words}": "Búsqueda: {words}",
    '"{words}" can mean more than one condition':
        '"{words}" puede referirse a más de un problema de salud',
    '"{words}" can mean more than one thing': '"{words}" puede querer decir más de una cosa',
    "acuinfo has no page on {illness}": "acuinfo no tiene una página sobre {illness}",
    "Pages that mention it": "Páginas que lo mencionan",
    "Other matches": "Otros resultados",
    "Results": "Resultados",
    "Nothing in acuinfo mentions {words}. These match your other words:":
        "Nada en acuinfo menciona {words}. Estos resultados coinciden con sus otras "
        "palabras:",
    'Nothing in acuinfo matched "{words}".': 'Nada en acuinfo coincide con "{words}".',
    "Closest topics": "Temas más parecidos",
    "What you can do": "Qué puede hacer",
    "See every condition acuinfo covers: acuinfo conditions":
        "Vea todos los problemas de salud que cubre acuinfo: acuinfo conditions",
    "Look up a word acuinfo uses: acuinfo glossary":
        "Busque una palabra que usa acuinfo: acuinfo glossary",
    "See every command and topic: acuinfo --help":
        "Vea todos los comandos y temas: acuinfo --help",
    "Ask your practitioner or your doctor about {topic}.":
        "Pregunte a su terapeuta o a su médico sobre {topic}.",
    "Ask your practitioner or your doctor.": "Pregunte a su terapeuta o a su médico.",
    "They know your health, and can answer what acuinfo cannot.":
        "Ellos conocen su salud y pueden responder lo que acuinfo no puede.",
    # Sources
    "n.d.": "s. f.",
    "What it found: {finding}": "Lo que encontró: {finding}",
    "See what cites one with: acuinfo sources ID":
        "Vea dónde se cita una fuente con: acuinfo sources ID",
    "Cited by": "Dónde se cita",
    "Nothing in acuinfo cites it yet.": "Todavía nada en acuinfo cita esta fuente.",
    "Tip: {title} (acuinfo tips)": "Consejo: {title} (acuinfo tips)",
    "Glossary: {term} (acuinfo glossary {id})": "Glosario: {term} (acuinfo glossary {id})",
    # Self-care tips
    "Self-care tips": "Consejos de autocuidado",
    "Self-care tips for {condition}": "Consejos de autocuidado si tiene {condition}",
    "One group at a time: acuinfo tips --category NAME, where NAME is one of {names}.":
        "Para ver un solo grupo: acuinfo tips --category NAME, donde NAME es uno de "
        "estos: {names}.",
    # A note on a page's translation
    "Not yet translated into {language}, so shown in English: {titles}.":
        "Lo siguiente aún no está traducido al {language}, así que se muestra en inglés: "
        "{titles}.",
    "Some parts of {titles} are not yet translated into {language}, so they are shown in "
    "English.": "Algunas partes de {titles} aún no están traducidas al {language}, así que "
                "se muestran en inglés.",
    "This translation has not yet been checked by a qualified medical translator. If "
    "something is not clear, ask your practitioner.":
        "Ningún traductor médico calificado ha revisado todavía esta traducción. Si algo no "
        "le queda claro, pregunte a su terapeuta.",
    # The progress journal
    "The progress journal is in English only for now: its questions are asked in the words "
    "they were tested in.":
        "Por ahora, el diario de progreso solo está en inglés: sus preguntas usan las mismas "
        "palabras con las que se pusieron a prueba.",
    # Kinds of search results
    "condition": "problema de salud",
    "page": "página",
    "tip": "consejo",
    "session": "sesión",
    "glossary": "glosario",
}
