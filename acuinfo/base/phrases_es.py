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
    "More ways to look after yourself with {condition}:":
        "Más formas de cuidarse si tiene {condition}:",
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
    # The notice at the foot of every page, and who checked a page
    "acuinfo gives general information. It does not replace advice from your doctor or "
    "another clinician. For signs that need urgent care, run: acuinfo red-flags":
        "acuinfo da información general. No reemplaza los consejos de su médico ni de otro "
        "profesional de la salud. Para ver las señales que necesitan atención urgente, "
        "ejecute: acuinfo red-flags",
    "the acuinfo project team (not yet checked by a named clinician)":
        "el equipo del proyecto acuinfo (todavía no lo ha revisado un profesional de la "
        "salud identificado con su nombre)",
    "the team that writes acuinfo, not yet checked by a named clinician":
        "el equipo que escribe acuinfo; todavía no lo ha revisado un profesional de la salud "
        "identificado con su nombre",
    "nobody yet: this is a draft": "nadie todavía: es un borrador",
    "If you think something here is wrong or out of date, tell the clinic or the person who "
    "gave you this information.":
        "Si cree que algo aquí está mal o no está al día, avise a la clínica o a la persona "
        "que le dio esta información.",
    # What each strength of evidence means
    "Several good studies agree, and real needling does better than sham (fake) needling.":
        "Varios estudios buenos están de acuerdo, y la acupuntura real da mejores resultados "
        "que la simulada (falsa).",
    "Reviews show a benefit, but it is small or the studies vary.":
        "Las revisiones muestran un beneficio, pero es pequeño o los estudios no dan los "
        "mismos resultados.",
    "There are few or small studies, or real needling did about as well as sham.":
        "Hay pocos estudios o son pequeños, o la acupuntura real funcionó más o menos igual "
        "que la simulada.",
    "There is too little research to say whether it helps.":
        "Hay muy pocos estudios para saber si ayuda.",
    "acuinfo gives a rating only when it can show you the results behind it, and it cannot "
    "do that here yet.":
        "acuinfo da una calificación solo cuando puede mostrarle los resultados en los que se "
        "basa, y aquí todavía no puede hacerlo.",
    # The levels of urgency: headings and what to do
    "Get emergency help now": "Busque ayuda de emergencia ahora",
    "Get medical advice today": "Pida consejo médico hoy",
    "See your doctor in the coming weeks": "Vea a su médico en las próximas semanas",
    "Call your local emergency number (for example, 911 in the US or 999 in the UK) or go to "
    "the nearest emergency department now if you have any of these. Do not wait for "
    "acupuncture.":
        "Si tiene alguna de estas señales, llame ahora a su número local de emergencias (por "
        "ejemplo, el 911 en Estados Unidos o el 999 en el Reino Unido) o vaya ahora al "
        "servicio de urgencias más cercano. No espere a su sesión de acupuntura.",
    "Call {number} or go to the nearest emergency department now if you have any of these. "
    "Do not wait for acupuncture.":
        "Si tiene alguna de estas señales, llame ahora al {number} o vaya ahora al servicio "
        "de urgencias más cercano. No espere a su sesión de acupuntura.",
    "Contact your doctor today if you have any of these. If you cannot reach them, call an "
    "urgent medical advice line (for example, NHS 111 in the UK).":
        "Si tiene alguna de estas señales, comuníquese hoy con su médico. Si no logra hablar "
        "con su médico, llame a una línea de consejo médico urgente (por ejemplo, NHS 111 en "
        "el Reino Unido, del Servicio Nacional de Salud).",
    "Contact your doctor today if you have any of these. If you cannot reach them, call "
    "{number}.":
        "Si tiene alguna de estas señales, comuníquese hoy con su médico. Si no logra hablar "
        "con su médico, llame al {number}.",
    "Book a visit with your doctor if any of these apply to you.":
        "Si le pasa alguna de estas cosas, pida una cita con su médico.",
    # Kinds of source
    "trial": "ensayo",
    "review": "revisión",
    "guideline": "guía",
    "study": "estudio",
    "web page": "página web",
    # A web page cited: when it was last checked
    "Checked {date}.": "Consultado el {date}.",
    # The clinic's own details
    "Your clinic": "Su clínica",
    "Practitioner": "Terapeuta",
    "Address": "Dirección",
    "Phone": "Teléfono",
    "Web site": "Sitio web",
    "Opening hours": "Horario",
    "Prices": "Precios",
    "Insurance and payment": "Seguro y formas de pago",
    "In an emergency, call": "En una emergencia, llame al",
    "For urgent medical advice, call": "Para consejo médico urgente, llame al",
    "To send a correction": "Para enviar una corrección",
    # The page on one condition
    "This page gives general information. It does not replace advice from your doctor or "
    "another clinician. For signs that need urgent care, see \"Get medical help first\" on "
    "this page.":
        "Esta página da información general. No reemplaza los consejos de su médico ni de "
        "otro profesional de la salud. Para ver las señales que necesitan atención urgente, "
        "lea \"Busque primero ayuda médica\" en esta página.",
    "This page says what acupuncture can and cannot do for it, when to get medical help "
    "first, and what you can do yourself.":
        "Esta página explica lo que la acupuntura puede y no puede hacer por este problema, "
        "cuándo buscar primero ayuda médica y lo que puede hacer usted mismo.",
    "This page gives a rating only when it can show you the results behind it, and it "
    "cannot do that here yet.":
        "Esta página da una calificación solo cuando puede mostrarle los resultados en los "
        "que se basa, y aquí todavía no puede hacerlo.",
    "{heading} (in English)": "{heading} (en inglés)",
    "Strength of evidence: good. {meaning}":
        "Qué tan sólidas son las pruebas: buenas. {meaning}",
    "Strength of evidence: moderate. {meaning}":
        "Qué tan sólidas son las pruebas: moderadas. {meaning}",
    "Strength of evidence: limited. {meaning}":
        "Qué tan sólidas son las pruebas: limitadas. {meaning}",
    "Strength of evidence: insufficient. {meaning}":
        "Qué tan sólidas son las pruebas: insuficientes. {meaning}",
    "Strength of evidence: not rated. {meaning}":
        "Qué tan sólidas son las pruebas: sin calificar. {meaning}",
    "What it is": "Qué es",
    "Common symptoms": "Síntomas frecuentes",
    "Get medical help first": "Busque primero ayuda médica",
    "What tends to cause it": "Qué suele causarlo",
    "Your pain diary": "Su diario del dolor",
    "Related conditions": "Problemas de salud relacionados",
    # The list of conditions
    "Conditions": "Problemas de salud",
    "Name": "Nombre",
    "Condition": "Problema de salud",
    "Summary": "Resumen",
    "Read one with: acuinfo condition NAME": "Vea uno con: acuinfo condition NAME",
    # The forms: pain scale, pain diary, what change is worth noticing, phone numbers
    "Pain scale: 0 (no pain) - 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 (the worst pain you can "
    "imagine)":
        "Escala del dolor: 0 (sin dolor) - 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 (el peor "
        "dolor que pueda imaginar)",
    "Score your pain before your first session, and again before each session, at about the "
    "same time of day. Write it in the table below or in a notebook, and take it to each "
    "session.":
        "Puntúe su dolor antes de su primera sesión, y otra vez antes de cada sesión, más o "
        "menos a la misma hora del día. Anótelo en la tabla de abajo o en una libreta, y "
        "llévelo a cada sesión.",
    "Start": "Inicio",
    "Pain": "Dolor",
    "Enjoyment": "Disfrute",
    "Activity": "Actividad",
    "What you can do again": "Lo que puede volver a hacer",
    "Pain: your pain on average in the past week.":
        "Dolor: su dolor, en promedio, en la última semana.",
    "Enjoyment: how much pain got in the way of enjoying life.":
        "Disfrute: cuánto le impidió el dolor disfrutar de la vida.",
    "Activity: how much pain got in the way of your daily activities.":
        "Actividad: cuánto le impidió el dolor hacer sus tareas diarias.",
    "Session": "Sesión",
    "Pain (0-10)": "Dolor (0-10)",
    "Notes": "Notas",
    "In the notes, write what you can do again, such as a longer walk or a full night's "
    "sleep. After the 6th session, go on in a notebook.":
        "En las notas, escriba lo que puede volver a hacer, como dar un paseo más largo o "
        "dormir toda la noche. Después de la sesión 6, siga en una libreta.",
    "Is your pain down by a change worth noticing? Find your first pain score in the table "
    "below. The number that goes with it is a later score worth noticing.":
        "¿Ha bajado su dolor lo bastante como para que valga la pena notarlo? Busque su "
        "primera puntuación del dolor en la tabla de abajo. El número que va con ella es "
        "una puntuación posterior que vale la pena notar.",
    "Your first pain score": "Su primera puntuación del dolor",
    "Worth noticing: a later score of this or lower":
        "Vale la pena notarlo: una puntuación posterior igual a esta o más baja",
    "Look at your scores with your practitioner at each session. If nothing has changed by "
    "about the 6th, talk about stopping.":
        "En cada sesión, revise sus puntuaciones con su terapeuta. Si nada ha cambiado hacia "
        "la sesión 6, hablen de dejarlo.",
    "Look at your scores with your practitioner at each session.":
        "En cada sesión, revise sus puntuaciones con su terapeuta.",
    "Phone numbers": "Números de teléfono",
    "Who": "Quién",
    "Phone number": "Número de teléfono",
    "Your acupuncture clinic": "Su clínica de acupuntura",
    "Your doctor": "Su médico",
    "Urgent medical advice": "Consejo médico urgente",
    "Emergency": "Emergencias",
    # The handout
    "This handout helps you decide about acupuncture for {about}, know when to get medical "
    "help first, and look after yourself between sessions. Ask your clinician about anything "
    "that is not clear.":
        "Esta hoja le ayuda a decidir sobre la acupuntura para {about}, a saber cuándo buscar "
        "primero ayuda médica y a cuidarse entre sesiones. Pregunte a su profesional de la "
        "salud todo lo que no le quede claro.",
    "This handout gives general information. It does not replace advice from your doctor or "
    "another clinician. For signs that need urgent care, see \"When to get help\".":
        "Este folleto da información general. No reemplaza los consejos de su médico ni de "
        "otro profesional de la salud. Para ver las señales que necesitan atención urgente, "
        "lea \"Cuándo pedir ayuda\".",
    "the team that writes acuinfo, not yet a named clinician":
        "el equipo que escribe acuinfo (aún no lo revisa un profesional de la salud con "
        "nombre)",
    "This handout gives a rating only when it can show you the results behind it, and it "
    "cannot do that here yet.":
        "Este folleto da una calificación solo cuando puede mostrarle los resultados en los "
        "que se basa, y aquí todavía no puede hacerlo.",
    "Acupuncture and {about}": "Acupuntura y {about}",
    "{names} and {last}": "{names} y {last}",
    "Key points": "Puntos clave",
    "When to get help": "Cuándo pedir ayuda",
    "How acupuncture may help": "Cómo puede ayudar la acupuntura",
    "What the research shows": "Lo que muestran los estudios",
    "Strength of evidence for {condition}: {rating}. {meaning}":
        "Qué tan sólidas son las pruebas de la acupuntura para {condition}: {rating}. "
        "{meaning}",
    "good": "buenas",
    "moderate": "moderadas",
    "limited": "limitadas",
    "insufficient": "insuficientes",
    "not rated": "sin calificar",
    "What a course looks like": "Cómo es un ciclo de sesiones",
    "What else helps": "Qué más ayuda",
    "Looking after yourself": "Cómo cuidarse",
    "Your sessions": "Sus sesiones",
    "What to do before, during and after a session.":
        "Qué hacer antes, durante y después de una sesión.",
    # The handout's pain diary
    "Fill in a row before your first session and before each one after it. Score each from 0 "
    "(best) to 10 (worst).":
        "Llene una fila antes de su primera sesión y antes de cada una de las siguientes. "
        "Puntúe cada columna de 0 (lo mejor) a 10 (lo peor).",
    "Take it to each session. At about the 6th session, decide with your practitioner "
    "whether to go on.":
        "Llévelo a cada sesión. Hacia la sesión 6, decida con su terapeuta si sigue o no.",
    # What each drawing shows
    "Drawing: a person sits at a desk. The top of the screen is level with their eyes.":
        "Dibujo: una persona sentada ante un escritorio. La parte de arriba de la pantalla "
        "está a la altura de sus ojos.",
    "Drawing: a person sits upright, with a cushion behind the lower back and both feet flat "
    "on the floor.":
        "Dibujo: una persona sentada derecha, con un cojín detrás de la parte baja de la "
        "espalda y los dos pies apoyados en el suelo.",
    "Drawing: a person lifts a box with bent knees and a straight back, holding the box "
    "close to the body.":
        "Dibujo: una persona levanta una caja con las rodillas dobladas y la espalda recta. "
        "Sostiene la caja cerca del cuerpo.",
    "Drawing: a head and shoulders from the front. A curved arrow over the head shows it "
    "turning from side to side, not tipping.":
        "Dibujo: una cabeza y unos hombros vistos de frente. Una flecha curva sobre la cabeza "
        "muestra que gira de un lado a otro, sin inclinarse.",
    "Drawing: a person lies face down on a treatment couch, resting. A few thin needles "
    "stand in the skin of the upper back.":
        "Dibujo: una persona descansa boca abajo en una camilla. Tiene unas pocas agujas "
        "finas en la piel de la parte alta de la espalda.",
    "Drawing: a sealed pack of thin needles, each for one use only. Its cover is peeled "
    "back at one corner.":
        "Dibujo: un paquete cerrado de agujas finas, cada una para un solo uso. La tapa "
        "está despegada en una esquina.",
    "Drawing: a person out for a walk.": "Dibujo: una persona que sale a caminar.",
    "Drawing: a person lies on their side in bed. The pillow fills the space under the head, "
    "so the neck is level with the back.":
        "Dibujo: una persona acostada de lado en la cama. La almohada llena el espacio debajo "
        "de la cabeza, así que el cuello queda en línea con la espalda.",
    # The session journey
    "This page gives general information. It does not replace advice from your doctor or "
    "another clinician. If something goes wrong during or after a session, see the boxes "
    "under \"After a session\".":
        "Esta página da información general. No reemplaza los consejos de su médico ni de "
        "otro profesional de la salud. Si algo sale mal durante o después de una sesión, lea "
        "los recuadros de \"Después de una sesión\".",
    "This page gives general information. It does not replace advice from your doctor or "
    "another clinician. If you feel suddenly short of breath or have chest pain during or "
    "after a session, call your local emergency number.":
        "Esta página da información general. No reemplaza los consejos de su médico ni de "
        "otro profesional de la salud. Si de repente le falta el aire o tiene dolor en el "
        "pecho durante o después de una sesión, llame a su número local de emergencias.",
    "Time in all: {time}": "Tiempo total: {time}",
}
