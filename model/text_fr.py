"""French phrase banks for `model.text` (data only; `text.py` says how they combine).

Writing rules, so that any scenario's vocabulary reads as correct French:
- {event}, {victims}, {site} carry their own article ("la fuite", "les riverains"),
  so they follow words that never contract: "après", "pour", "sur", "depuis",
  "avec", "que" — never "à {victims}" or "de {event}" (that would give "à les…").
  "de {org}" / "de {place}" are fine: `text.fill` elides "de Orano" to "d'Orano".
- They never open a sentence (they start with a lowercase article).
- No gendered first person ("je suis inquiet"): accounts can be anyone.
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
    "handle": "@Chimex_FR",
    "place": "Valmont-sur-Orne",
    "site": "l'usine Chimex de Valmont",
    "product": "engrais azotés",
    "event": "la fuite de gaz",
    "victims": "les riverains",
    "ceo": "Marc Delattre",
}
SAMPLE_CLAIM = "l'eau du robinet est contaminée"

VOICE: dict[str, dict[str, dict[str, list[str]]]] = {
    "journalist": {
        "approval": {
            "std": [
                "Selon nos informations, {org} a activé sa cellule de crise dès les premières minutes après {event}.",
                "{org} a publié un communiqué détaillé et répond aux questions de la presse.",
                "Une réactivité saluée par plusieurs habitants de {place} que nous avons interrogés.",
                "Nous continuons de suivre la situation à {place}.",
            ],
            "pro": [
                "Gestion de crise : {org} a choisi la transparence après {event}, une stratégie saluée localement.",
                "Notre enquête détaille les mesures déjà engagées par {org}.",
                "{ceo} a accepté de répondre à nos questions.",
            ],
            "chat": [
                "info : {org} a ouvert une cellule de crise, on a eu la confirmation",
                "{org} vient de nous répondre, ils donnent pas mal de détails",
                "on publie le papier dans l'heure",
                "je vous tiens au courant",
            ],
            "react": ["Réponse reçue", "À lire", "Bonne réactivité"],
        },
        "fear": {
            "std": [
                "Inquiétude à {place} après {event} : de nombreux habitants nous ont contactés.",
                "Selon nos informations, les autorités suivent de près la situation autour de {site}.",
                "Nous avons posé la question à {org} : quels risques pour {victims} ?",
                "Quelles conséquences ? Les réponses se font attendre.",
            ],
            "pro": [
                "À {place}, l'inquiétude grandit après {event}. Notre enquête.",
                "Les informations disponibles restent partielles et les questions nombreuses.",
                "Nous avons sollicité {org} et les autorités, sans réponse précise à ce stade.",
            ],
            "chat": [
                "beaucoup de messages de lecteurs inquiets à {place}",
                "les autorités suivent la situation autour de {site}, c'est confirmé",
                "on attend toujours des réponses de {org}",
                "si vous avez des infos ou des témoignages, écrivez-moi",
            ],
            "react": ["À suivre", "On vérifie", "Questions légitimes"],
        },
        "anger": {
            "std": [
                "La colère monte à {place} après {event}, selon les témoignages que nous avons recueillis.",
                "Selon nos informations, des alertes avaient été adressées à {org} avant {event}.",
                "Nous avons contacté {org}, qui n'a pas souhaité commenter.",
                "Plusieurs habitants de {place} réclament des comptes à {ceo}.",
            ],
            "pro": [
                "Des alertes avaient été adressées à {org} avant {event}. Notre enquête.",
                "Une colère s'exprime à {place}, et {org} peine à l'apaiser.",
                "Nous publierons les réponses de {ceo} dès que nous les aurons.",
            ],
            "chat": [
                "ça chauffe à {place}, les gens sont vraiment en colère",
                "on a des documents : il y a eu des alertes avant {event}",
                "{org} ne répond toujours pas",
                "papier en cours, je vous dis quand c'est en ligne",
            ],
            "react": ["La colère monte", "Dossier à suivre", "Nous enquêtons"],
        },
        "mockery": {
            "std": [
                "Sur les réseaux, {org} est la cible de moqueries depuis {event}.",
                "Ironie du sort : {org} vantait encore récemment son exemplarité.",
                "Le communiqué de {org} est déjà détourné par des milliers d'internautes.",
                "Une séquence de communication qui fera date, et pas dans le bon sens.",
            ],
            "pro": [
                "Détournements, mèmes, parodies : la communication de {org} tourne à la dérision.",
                "Quand la communication de crise devient un sujet de moquerie, la réputation vacille.",
                "Retour sur une séquence que {org} aurait sans doute préféré éviter.",
            ],
            "chat": [
                "les réseaux se moquent de {org} depuis tout à l'heure",
                "le communiqué de {org} est détourné de partout",
                "on va faire un papier sur les détournements",
                "je vous laisse juger",
            ],
            "react": ["Ironie du sort", "Sans commentaire", "Ça tourne partout"],
        },
        "sadness": {
            "std": [
                "Émotion à {place} après {event}.",
                "À {place}, les habitants se serrent les coudes.",
                "Nous avons recueilli les témoignages de personnes touchées.",
                "Une cellule d'écoute a été ouverte, selon nos informations.",
            ],
            "pro": [
                "À {place}, une communauté sous le choc après {event}.",
                "Témoignages : ce que cette épreuve a changé pour {victims}.",
                "Un récit à lire, pour ne pas oublier les personnes concernées.",
            ],
            "chat": [
                "beaucoup d'émotion à {place}, les gens sont sous le choc",
                "j'ai parlé avec des habitants, c'est très dur pour eux",
                "on prépare un papier avec leurs témoignages",
                "une cellule d'écoute serait ouverte",
            ],
            "react": [
                "Pensées pour {victims}",
                "Beaucoup d'émotion",
                "Triste journée pour {place}",
            ],
        },
    },
    "elected": {
        "approval": {
            "std": [
                "Je salue la réaction rapide de {org} après {event}.",
                "J'ai échangé avec la direction de {org} : les mesures prises vont dans le bon sens.",
                "Les habitants de {place} ont droit à cette transparence, et elle est là.",
                "Je garderai un œil attentif sur la suite.",
            ],
            "pro": [
                "Après {event}, je tiens à saluer la réactivité de {org} et de ses équipes.",
                "Les engagements pris auprès des habitants de {place} devront être tenus, et j'y veillerai.",
                "C'est ensemble, entreprise, élus et habitants, que nous surmonterons cette épreuve.",
            ],
            "chat": [
                "j'ai eu la direction de {org} au téléphone, ils prennent les choses au sérieux",
                "bonne nouvelle : {org} a annoncé des mesures concrètes",
                "je vous tiens informés",
                "n'hésitez pas si vous avez des questions",
            ],
            "react": ["Bonne réaction", "Merci aux équipes", "Dans le bon sens"],
        },
        "fear": {
            "std": [
                "Les habitants de {place} que je représente sont inquiets, et je les comprends.",
                "J'ai saisi les autorités et la direction de {org} après {event}.",
                "Nous avons besoin d'informations claires, et vite.",
                "Je demande à {org} de dire précisément quels sont les risques pour {victims}.",
            ],
            "pro": [
                "Après {event}, la priorité est d'informer clairement les habitants de {place}.",
                "J'ai saisi les autorités compétentes et demandé à {org} un point de situation complet.",
                "L'inquiétude est légitime ; la réponse doit être à la hauteur.",
            ],
            "chat": [
                "je suis en contact avec les autorités, je vous tiens au courant",
                "beaucoup d'appels en mairie, les gens s'inquiètent",
                "j'ai demandé à {org} un point précis sur les risques",
                "restez prudents en attendant",
            ],
            "react": ["Vigilance", "J'ai saisi les autorités", "Des réponses, vite"],
        },
        "anger": {
            "std": [
                "Ce qui s'est passé à {place} est inacceptable.",
                "Les habitants de {place} méritent mieux que le silence de {org}.",
                "J'exige que {ceo} vienne s'expliquer devant les élus.",
                "Toutes les responsabilités devront être établies.",
            ],
            "pro": [
                "Ce qui s'est passé à {place} est inacceptable et appelle des réponses précises.",
                "J'ai demandé à {ceo} de venir s'expliquer devant le conseil.",
                "Les habitants de {place} ne peuvent pas être la variable d'ajustement d'une entreprise.",
            ],
            "chat": [
                "je suis en colère, comme vous",
                "{org} doit des explications aux habitants, point",
                "j'ai demandé un rendez-vous à {ceo}",
                "on ne lâchera rien",
            ],
            "react": ["Inacceptable", "Des comptes à rendre", "J'exige des explications"],
        },
        "mockery": {
            "std": [
                "{org} découvre la communication de crise. Un peu tard.",
                "« Tout est sous contrôle », nous dit {org}. Les habitants de {place} apprécieront.",
                "On attendait des réponses, on a eu des éléments de langage.",
                "Je propose à {ceo} de venir expliquer ça en réunion publique.",
            ],
            "pro": [
                "Les éléments de langage de {org} ne remplaceront pas des réponses.",
                "Il y a des communiqués qui en disent long, surtout sur ce qu'ils ne disent pas.",
                "J'invite {ceo} à venir à {place} : le message sera peut-être plus clair de vive voix.",
            ],
            "chat": [
                "vous avez lu leur communiqué ? on croit rêver",
                "« tout est sous contrôle » 🙄",
                "ils vont devoir faire mieux",
                "je leur ai dit ce que j'en pensais",
            ],
            "react": ["On croit rêver", "Sans commentaire", "Un peu tard"],
        },
        "sadness": {
            "std": [
                "Toutes mes pensées vont à {victims}.",
                "{place} traverse une épreuve difficile.",
                "Nous serons à leurs côtés.",
                "Je me rendrai sur place pour rencontrer les familles.",
            ],
            "pro": [
                "Toutes mes pensées vont à {victims} et à leurs familles.",
                "Dans ces moments, la solidarité de {place} est notre force.",
                "Je serai aux côtés des habitants dans les jours qui viennent.",
            ],
            "chat": [
                "pensées pour tous les gens touchés",
                "dure journée pour {place}",
                "je passe voir les familles demain",
                "si quelqu'un a besoin d'aide, écrivez-moi",
            ],
            "react": ["Pensées pour {victims}", "Solidarité", "Tout mon soutien"],
        },
    },
    "blogger": {
        "approval": {
            "std": [
                "Je vous en parlais en story : {org} a été plutôt carré sur ce coup.",
                "Vous me demandez mon avis sur {event} ? Franchement, {org} a bien réagi.",
                "Pas de buzz gratuit ici : {org} a fait le job, il faut le dire.",
                "Pour une fois, je mets un bon point à {org}.",
            ],
            "pro": [
                "Je suis cette affaire pour ma communauté depuis le début : {org} a fait preuve de transparence.",
                "Je le dis à ma communauté : la réaction de {org} est exemplaire.",
                "On critique souvent les marques ici. Aujourd'hui, {org} mérite un bon point.",
            ],
            "chat": [
                "je l'ai dit en live, {org} a bien géré",
                "pour une fois je suis d'accord avec {org}",
                "ma commu me pose la question, je réponds qu'ils ont bien réagi",
                "franchement rien à redire sur leur réaction",
            ],
            "react": ["Validé", "Bon point", "Je valide"],
        },
        "fear": {
            "std": [
                "Je reçois des dizaines de messages de personnes inquiètes à {place}.",
                "Je préfère vous prévenir : on ne sait pas tout sur {event}.",
                "Je vous partage ce que je sais, mais honnêtement ça m'inquiète.",
                "Mes DM explosent depuis {event}. Beaucoup de peur.",
            ],
            "pro": [
                "Ma communauté m'écrit, inquiète, depuis {event}.",
                "Je relaie les questions de mes abonnés : que risque-t-on vraiment ?",
                "Le manque d'informations fait monter l'angoisse, je le vois dans mes messages.",
            ],
            "chat": [
                "je reçois plein de messages de gens inquiets",
                "perso ça me fait flipper ce truc",
                "je vous dis ce que je sais mais c'est flou",
                "mes abonnés paniquent un peu",
            ],
            "react": ["Ça m'inquiète", "Prudence", "Mes DM explosent"],
        },
        "anger": {
            "std": [
                "Je ne vais pas me taire : ce que fait {org} est honteux.",
                "Vous voulez mon avis sur {event} ? Scandaleux, du début à la fin.",
                "J'ai vu passer le communiqué de {org}. Ils se moquent de nous.",
                "Boycott de {org}, je ne vois pas d'autre réponse.",
            ],
            "pro": [
                "J'ai longtemps recommandé {org} à ma communauté. C'est terminé.",
                "Je refuse de me taire sur {event}, même si des marques partenaires n'apprécient pas.",
                "La confiance de ma communauté ne s'achète pas. {org} vient de la perdre.",
            ],
            "chat": [
                "je fais une vidéo sur {org} ce soir, ça va piquer",
                "franchement ça me met en colère",
                "ils se moquent de nous, clairement",
                "j'arrête de parler de {org}, c'est fini",
            ],
            "react": ["Honteux", "Boycott", "Ça va piquer"],
        },
        "mockery": {
            "std": [
                "Thread : les meilleurs moments du communiqué de {org} 😂",
                "J'ai fait un montage avec le communiqué de {org}, je n'ai rien eu à inventer.",
                "{org} nous offre un stand-up gratuit depuis {event}.",
                "Petit sondage : qui croit encore à « tout est sous contrôle » ?",
            ],
            "pro": [
                "Leçon de communication offerte par {org} : tout ce qu'il ne faut pas faire.",
                "J'analyse chaque semaine la communication des marques. Celle de {org} est… spéciale.",
                "Quand l'humour des internautes résume mieux la situation que le communiqué officiel.",
            ],
            "chat": [
                "je fais une story sur leur communiqué mdr",
                "{org} c'est du stand-up à ce niveau",
                "vous avez vu les mèmes sur {org} ? 😂",
                "le montage que j'ai fait est trop drôle",
            ],
            "react": ["Le stand-up", "Je pleure de rire", "Contenu offert"],
        },
        "sadness": {
            "std": [
                "Pas de vidéo drôle aujourd'hui. Pensées pour {victims}.",
                "Je fais une pause de quelques jours, par respect pour {place}.",
                "Ça me touche beaucoup, j'ai des abonnés à {place}.",
                "Je pense à vous, {place}.",
            ],
            "pro": [
                "Je suspends mes publications habituelles par respect pour {victims}.",
                "Ma communauté à {place} traverse un moment difficile. Soutien total.",
                "Parfois, il faut simplement dire : pensées pour {victims}.",
            ],
            "chat": [
                "pas de live ce soir, le cœur n'y est pas",
                "pensées pour mes abonnés de {place}",
                "ça me touche trop",
                "je pense fort à vous",
            ],
            "react": ["Le cœur lourd", "Pensées à {place}", "Soutien"],
        },
    },
    "employee": {
        "approval": {
            "std": [
                "En interne, la direction nous a tout expliqué dès le début. Fierté de bosser chez {org}.",
                "Je travaille chez {org} et je peux vous dire que les équipes sont à fond.",
                "Les collègues font un boulot énorme depuis {event}.",
                "En interne, on a eu des consignes claires très vite.",
            ],
            "pro": [
                "Fierté de faire partie des équipes de {org}, mobilisées depuis les premières heures.",
                "En interne, une communication claire et des équipes soudées. Je tenais à le dire.",
                "Un grand merci à mes collègues pour leur engagement depuis {event}.",
            ],
            "chat": [
                "au boulot on a eu les infos direct, ils gèrent",
                "les collègues sont à fond depuis le début",
                "en interne c'est carré pour une fois",
                "franchement fierté de l'équipe",
            ],
            "react": ["Fierté", "Merci les collègues", "Bravo l'équipe"],
        },
        "fear": {
            "std": [
                "En interne, personne ne nous dit rien. On apprend tout par la presse.",
                "Je bosse chez {org} et honnêtement, on ne sait pas ce qui va se passer.",
                "Les collègues ont peur pour leur poste.",
                "On nous demande de ne pas parler à l'extérieur. Ça n'aide pas à se rassurer.",
            ],
            "pro": [
                "Au sein des équipes de {org}, beaucoup de questions et peu de réponses.",
                "Travailler chez {org} en ce moment, c'est vivre avec l'incertitude.",
                "Nous attendons de la direction une communication interne à la hauteur.",
            ],
            "chat": [
                "en interne c'est la panique, personne sait rien",
                "on apprend tout par les infos, c'est fou",
                "les collègues flippent pour leur boulot",
                "on nous dit de rien dire dehors, super rassurant",
            ],
            "react": ["On ne sait rien", "Inquiétude en interne", "Les collègues flippent"],
        },
        "anger": {
            "std": [
                "On avait prévenu la direction. Personne n'a écouté.",
                "Je bosse chez {org} et j'ai honte de ce que je lis.",
                "En interne, la colère monte. On nous prend pour des pions.",
                "Des années qu'on signale les problèmes. Et voilà.",
            ],
            "pro": [
                "Les alertes remontées par les équipes de terrain n'ont pas été entendues.",
                "Il est difficile de défendre son entreprise quand la direction n'écoute pas.",
                "Les salariés de {org} méritent mieux que d'apprendre les décisions par la presse.",
            ],
            "chat": [
                "on avait prévenu !! personne a écouté",
                "j'ai honte de bosser là en ce moment",
                "la direction nous prend pour des pions",
                "ça fait des mois qu'on signale les problèmes",
            ],
            "react": ["On avait prévenu", "La honte", "Ras-le-bol"],
        },
        "mockery": {
            "std": [
                "En interne, on a reçu un mail « tout va bien ». On a bien rigolé.",
                "La direction de {org} nous a envoyé un kit de communication. Je n'invente rien.",
                "Chez {org}, la sécurité, c'est surtout dans les PowerPoint.",
                "Le séminaire « excellence opérationnelle » de {org}, c'était le mois dernier 😂",
            ],
            "pro": [
                "Le décalage entre les présentations internes de {org} et la réalité du terrain est frappant.",
                "Quand on travaille chez {org}, les éléments de langage de la direction font sourire jaune.",
                "Il faudra un peu plus qu'un kit de communication pour rassurer les équipes.",
            ],
            "chat": [
                "on a reçu un mail « tout va bien » mdr",
                "le kit com de la direction 😂😂",
                "la sécurité chez nous c'est dans les powerpoint",
                "j'ai bien rigolé en lisant le communiqué",
            ],
            "react": ["Sourire jaune", "Le kit com", "On rigole jaune"],
        },
        "sadness": {
            "std": [
                "Je bosse chez {org} depuis des années. Je ne reconnais plus ma boîte.",
                "Pensées pour les collègues et leurs familles.",
                "Dur de venir travailler en ce moment. Le cœur n'y est pas.",
                "On était fiers de notre boîte. Ça fait mal.",
            ],
            "pro": [
                "Un moment difficile pour toutes les équipes de {org}. Pensées pour {victims}.",
                "Travailler chez {org} a toujours été une fierté. Aujourd'hui, c'est de la tristesse.",
                "Soutien à mes collègues, durement éprouvés depuis {event}.",
            ],
            "chat": [
                "je reconnais plus ma boîte",
                "pensées pour les collègues",
                "dur de venir bosser en ce moment",
                "ça me fait mal au cœur pour l'équipe",
            ],
            "react": ["Courage les collègues", "Le cœur lourd", "Triste pour l'équipe"],
        },
    },
    "union": {
        "approval": {
            "std": [
                "Les salariés prennent acte des engagements de {org}. Nous resterons attentifs.",
                "La direction de {org} a reçu les représentants du personnel. C'est un premier pas.",
                "Les mesures annoncées répondent en partie à nos demandes.",
                "Nous saluons la transparence de {org} envers les salariés.",
            ],
            "pro": [
                "L'intersyndicale prend acte des engagements de la direction de {org}.",
                "Le dialogue social fonctionne quand la direction écoute : c'est le cas aujourd'hui.",
                "Premier pas positif ; les salariés resteront attentifs à la mise en œuvre.",
            ],
            "chat": [
                "la direction nous a reçus, c'est plutôt positif",
                "ils ont accepté une partie de nos demandes",
                "premier pas, on reste attentifs",
                "bonne nouvelle pour les salariés",
            ],
            "react": ["Premier pas", "Acquis pour les salariés", "On reste attentifs"],
        },
        "fear": {
            "std": [
                "Les salariés de {org} s'inquiètent pour leur avenir.",
                "Quelles garanties pour les emplois après {event} ? Les salariés attendent des réponses.",
                "Nous demandons une réunion d'urgence du CSE.",
                "Les équipes nous appellent, elles ont peur.",
            ],
            "pro": [
                "Les représentants du personnel demandent une information complète sur les conséquences de {event}.",
                "Sécurité et emploi : les salariés de {org} ont besoin de garanties.",
                "Une réunion extraordinaire du CSE est indispensable.",
            ],
            "chat": [
                "les collègues nous appellent, ils ont peur",
                "on demande un CSE en urgence",
                "personne nous dit ce qui va se passer pour les emplois",
                "on se retrouve demain pour faire le point",
            ],
            "react": ["Inquiétude", "CSE en urgence", "Quelles garanties ?"],
        },
        "anger": {
            "std": [
                "Les salariés ne paieront pas pour les erreurs de la direction de {org}.",
                "Nous avions alerté la direction. Elle n'a rien fait.",
                "Assez du mépris. Les salariés exigent des comptes.",
                "Si la direction de {org} ne répond pas, nous passerons à l'action.",
            ],
            "pro": [
                "Nos alertes répétées sont restées lettre morte. La direction de {org} doit assumer.",
                "Les salariés de {org} exigent transparence, sécurité et respect.",
                "Sans réponse de la direction, l'intersyndicale envisagera toutes les formes d'action.",
            ],
            "chat": [
                "on avait alerté, ils ont rien fait",
                "rassemblement devant {site} demain, faites passer",
                "les salariés paieront pas pour eux",
                "assez du mépris",
            ],
            "react": ["Assez !", "Tous ensemble", "Solidarité avec les salariés"],
        },
        "mockery": {
            "std": [
                "La direction de {org} découvre que les alertes des salariés servaient à quelque chose.",
                "« La sécurité est notre priorité », dit {org}. Les salariés ont bien ri.",
                "On a demandé des moyens, on a reçu un communiqué.",
                "Bravo à la direction de {org} pour ce chef-d'œuvre de communication.",
            ],
            "pro": [
                "« La sécurité est notre priorité » : les salariés de {org} aimeraient en voir la traduction concrète.",
                "Entre le discours et les moyens, les salariés de {org} mesurent l'écart.",
                "La direction répond par des communiqués ; les salariés attendent des actes.",
            ],
            "chat": [
                "on a demandé des moyens, on a eu un communiqué 😂",
                "« la sécurité est notre priorité » mdr",
                "la direction découvre nos alertes, bravo",
                "chef-d'œuvre de com, encore une fois",
            ],
            "react": ["On a bien ri", "Chef-d'œuvre", "Merci pour le communiqué"],
        },
        "sadness": {
            "std": [
                "Pensées pour nos collègues et leurs familles.",
                "Les salariés de {org} sont sous le choc.",
                "C'est un coup dur pour tous les salariés.",
                "Nous serons aux côtés des collègues touchés.",
            ],
            "pro": [
                "Les représentants du personnel expriment leur soutien aux salariés touchés par {event}.",
                "Un moment douloureux pour toutes les équipes de {org}.",
                "La solidarité entre salariés n'a jamais été aussi importante.",
            ],
            "chat": [
                "pensées pour les collègues",
                "tout le monde est sous le choc",
                "on est là pour vous si besoin",
                "dur pour toutes les équipes",
            ],
            "react": ["Solidarité", "Pensées aux collègues", "Courage à tous"],
        },
    },
    "student": {
        "approval": {
            "std": [
                "En amphi, tout le monde a lu le communiqué de {org}. Plutôt convaincant.",
                "On étudie la gestion de crise en cours : {org} coche toutes les cases.",
                "Honnêtement, {org} a été plus clair que prévu. Même mes profs l'ont dit.",
                "Mon stage chez {org} commence bientôt, et leur réaction me rassure.",
            ],
            "pro": [
                "En master de communication, nous analysons la réponse de {org} : un cas exemplaire.",
                "Dans le cadre de mon cursus, j'ai suivi la gestion de crise de {org} : réactive et transparente.",
                "Belle leçon de transparence de {org}, à retenir pour nos futurs métiers.",
            ],
            "chat": [
                "en cours on en a parlé, {org} a plutôt bien géré",
                "mon prof a dit que c'était un bon exemple de com de crise",
                "ça me rassure pour mon stage chez eux",
                "honnêtement ils ont été clairs",
            ],
            "react": ["Pas mal", "Bien joué", "Cas d'école"],
        },
        "fear": {
            "std": [
                "Mon appart est juste à côté de {site}. Je fais quoi ?",
                "Personne ne nous dit rien à la fac. On a le droit de savoir.",
                "Mes parents habitent à {place}, je n'arrête pas de les appeler.",
                "Les partiels sont dans deux semaines et je ne pense qu'à ça.",
            ],
            "pro": [
                "Beaucoup d'étudiants de {place} s'inquiètent et ne trouvent pas d'informations fiables.",
                "Nous attendons des consignes claires de l'université après {event}.",
                "Les stages chez {org} sont-ils maintenus ? Les étudiants s'interrogent.",
            ],
            "chat": [
                "mon appart est juste à côté de {site} 😰",
                "la fac dit rien, c'est normal ?",
                "j'ai appelé mes parents à {place}, ils savent rien non plus",
                "on fait quoi nous ?",
            ],
            "react": ["Flippant", "On fait quoi ?", "J'ai peur"],
        },
        "anger": {
            "std": [
                "On manifeste devant {site} demain. Ils ne peuvent pas s'en tirer comme ça.",
                "Notre génération va payer les erreurs de boîtes comme {org}.",
                "Et dire qu'on nous proposait des stages chez {org}. Plus jamais.",
                "L'asso étudiante appelle à boycotter {org}.",
            ],
            "pro": [
                "Les étudiants de {place} refusent que {org} minimise {event}.",
                "Nous ne voulons pas construire nos carrières chez des employeurs comme {org}.",
                "Notre génération exige des entreprises responsables. {org} a échoué.",
            ],
            "chat": [
                "on va devant {site} demain, vous venez ?",
                "plus jamais de stage chez {org}",
                "notre génération va tout payer",
                "boycott direct",
            ],
            "react": ["Boycott", "Plus jamais", "Honteux"],
        },
        "mockery": {
            "std": [
                "Le communiqué de {org} serait recalé en première année.",
                "Mon prof de com a projeté le communiqué de {org} en cours. Fou rire général.",
                "Même nos exposés préparés la veille sont meilleurs que la com de {org}.",
                "{org} en gestion de crise : 4/20, peut mieux faire.",
            ],
            "pro": [
                "Étude de cas du jour en cours de communication : {org}. Nous avons beaucoup appris… sur ce qu'il ne faut pas faire.",
                "En cours, le communiqué de {org} a servi de contre-exemple.",
                "Note de la promo pour la communication de {org} : insuffisant.",
            ],
            "chat": [
                "mon prof a montré leur communiqué en cours mdr",
                "même nos exposés de la veille sont mieux",
                "4/20 pour {org}",
                "ptdr le communiqué",
            ],
            "react": ["4/20", "Recalé", "Mdr"],
        },
        "sadness": {
            "std": [
                "Je suis de {place}. Voir ça, ça fait mal.",
                "À la fac, on ne parle que de ça. Beaucoup de tristesse.",
                "Pensées pour tous les étudiants touchés de près ou de loin.",
                "Ma ville natale fait la une pour ça. Triste.",
            ],
            "pro": [
                "Pensées pour les étudiants originaires de {place}, durement touchés.",
                "À l'université, beaucoup d'émotion après {event}.",
                "Soutien aux familles et aux étudiants de {place}.",
            ],
            "chat": [
                "je suis de {place}, ça me fait trop mal",
                "trop triste ce qui se passe",
                "tout le monde en parle à la fac",
                "pensées pour ceux de {place}",
            ],
            "react": ["Trop triste", "Soutien", "Pensées à {place}"],
        },
    },
    "public": {
        "approval": {
            "std": [
                "J'habite à {place} et je trouve que {org} a bien réagi.",
                "On a reçu les informations rapidement. Merci {org}.",
                "Nous habitons près de {site} et nous avons été prévenus tout de suite.",
                "Tout le monde peut se tromper. L'important, c'est comment on réagit.",
            ],
            "pro": [
                "Comme beaucoup d'habitants de {place}, je salue la réactivité de {org}.",
                "L'information est arrivée vite et clairement jusqu'aux habitants. À souligner.",
                "Une entreprise qui assume et qui informe : c'est ce qu'on attend.",
            ],
            "chat": [
                "on a eu un sms de {org}, c'est clair",
                "franchement ils ont été réactifs",
                "chez nous tout va bien, merci pour les infos",
                "au moins ils nous tiennent au courant",
            ],
            "react": ["Merci", "Rassurant", "Bien joué"],
        },
        "fear": {
            "std": [
                "J'habite à {place}. On fait quoi, concrètement ?",
                "J'ai des enfants, je veux savoir ce qu'on risque. Qui peut nous répondre ?",
                "Personne ne nous dit rien à {place}. On commence à paniquer.",
                "Quelqu'un sait ce qu'on risque vraiment ?",
            ],
            "pro": [
                "Les habitants de {place} ont besoin d'informations claires sur les risques.",
                "Comme beaucoup de familles, nous attendons des réponses précises de {org}.",
                "L'inquiétude grandit dans le quartier ; l'information doit suivre.",
            ],
            "chat": [
                "vous savez ce qu'on doit faire ?",
                "j'ai peur pour les enfants",
                "quelqu'un a des nouvelles de {site} ?",
                "on nous dit rien, c'est flippant",
            ],
            "react": ["J'ai peur", "Quelqu'un sait ?", "Inquiétant"],
        },
        "anger": {
            "std": [
                "J'habite à {place} depuis vingt ans et on nous traite comme des moins que rien.",
                "{org} se moque des habitants. Ça suffit.",
                "Et qui va payer les dégâts ? Pas {org}, évidemment.",
                "Plus jamais je ne ferai confiance à {org}.",
            ],
            "pro": [
                "Les habitants de {place} méritent du respect et des réponses, pas des communiqués.",
                "La responsabilité de {org} est évidente. Elle doit être assumée.",
                "Ce qui s'est passé est inacceptable et ne doit pas rester sans suite.",
            ],
            "chat": [
                "ils se fichent de nous",
                "je suis en colère, vraiment",
                "qui va payer ? pas eux en tout cas",
                "plus jamais confiance en {org}",
            ],
            "react": ["Honteux", "Ça suffit", "Inadmissible"],
        },
        "mockery": {
            "std": [
                "Grâce à {org}, tout le pays connaît {place} maintenant. Merci.",
                "{org} nous explique que tout va bien. Ah bon.",
                "Le communiqué de {org}, je l'ai lu trois fois. Toujours rien compris.",
                "Il paraît que c'est « maîtrisé ». Nous voilà rassurés.",
            ],
            "pro": [
                "Un communiqué qui en dit long par ce qu'il ne dit pas.",
                "« Aucun risque », nous assure {org}. Les habitants apprécieront la précision.",
                "Grâce à {org}, tout le pays connaît désormais {place}.",
            ],
            "chat": [
                "« tout va bien » mdr",
                "le communiqué j'ai rien compris 😂",
                "bravo {org}, vraiment bravo",
                "ils nous prennent pour des idiots mdr",
            ],
            "react": ["Mdr", "On y croit", "Ah bon ?"],
        },
        "sadness": {
            "std": [
                "J'habite à {place} depuis toujours. Ça me brise le cœur.",
                "On ne reconnaît plus notre ville.",
                "Pensées pour tous les voisins touchés.",
                "Triste de voir notre quartier comme ça.",
            ],
            "pro": [
                "Une pensée pour tous les habitants de {place}.",
                "Notre commune traverse un moment difficile.",
                "La solidarité entre voisins fait chaud au cœur dans ces moments.",
            ],
            "chat": [
                "ça me brise le cœur",
                "pensées pour les voisins",
                "triste pour {place}",
                "on se serre les coudes",
            ],
            "react": ["Triste", "Courage", "Pensées aux voisins"],
        },
    },
    "organisation": {
        "approval": {
            "std": [
                "Merci à nos équipes, mobilisées jour et nuit depuis {event}.",
                "Merci pour vos nombreux messages de soutien.",
                "Nous continuerons à vous informer en toute transparence.",
                "Toutes les informations sont disponibles sur nos canaux officiels.",
            ],
            "pro": [
                "Je tiens à saluer l'engagement exceptionnel des équipes de {org} depuis {event}.",
                "Transparence et responsabilité guideront chacune de nos décisions.",
                "Merci pour vos nombreux messages de soutien.",
            ],
            "chat": [
                "Bonjour à tous, merci pour vos messages de soutien.",
                "Nos équipes restent mobilisées, merci de votre confiance.",
                "N'hésitez pas si vous avez des questions.",
                "Nous vous tenons informés ici.",
            ],
            "react": ["Merci", "Merci pour votre soutien", "Merci à nos équipes"],
        },
        "fear": {
            "std": [
                "Nous comprenons l'inquiétude des habitants de {place}.",
                "Nos équipes sont sur place et la situation est suivie en continu.",
                "Un numéro d'information est à votre disposition pour toutes vos questions.",
                "Nous publierons un point de situation dès que nous aurons de nouvelles informations.",
            ],
            "pro": [
                "Nous comprenons les inquiétudes exprimées après {event} et y répondons point par point.",
                "La sécurité de tous est notre priorité absolue.",
                "Un point de situation complet sera publié dans les prochaines heures.",
            ],
            "chat": [
                "Bonjour à tous, nous comprenons votre inquiétude.",
                "Nos équipes sont sur place et suivent la situation.",
                "Vous pouvez nous écrire ici, nous répondons à chacun.",
                "Nous vous tenons informés dès que possible.",
            ],
            "react": [
                "Nous vous entendons",
                "Nos équipes sont mobilisées",
                "Point de situation à venir",
            ],
        },
        "anger": {
            "std": [
                "Nous entendons votre colère et nous la comprenons.",
                "Ce qui s'est passé n'aurait jamais dû arriver.",
                "Nous vous devons des réponses, et vous les aurez.",
                "Des mesures sont en cours pour que cela ne se reproduise pas.",
            ],
            "pro": [
                "Nous mesurons la colère suscitée par {event}. Elle est légitime.",
                "{ceo} répondra personnellement aux questions des habitants de {place}.",
                "Nous assumons nos responsabilités et agirons en conséquence.",
            ],
            "chat": [
                "Nous comprenons votre colère, elle est légitime.",
                "Ce qui s'est passé n'aurait jamais dû arriver.",
                "Nous vous devons des réponses, elles arrivent.",
                "Vous pouvez nous écrire directement, nous répondrons.",
            ],
            "react": ["Nous vous entendons", "Vos questions sont légitimes", "Réponses à venir"],
        },
        "mockery": {
            "std": [
                "On voit passer beaucoup d'humour sur {event}. Nous préférons rester sérieux : voici les faits.",
                "Certains messages détournent notre communiqué ; la situation mérite un peu de sérieux.",
                "Toutes les informations vérifiées sont sur nos canaux officiels.",
                "Nous restons disponibles pour répondre à toutes les questions.",
            ],
            "pro": [
                "L'humour a sa place, mais {event} concerne des personnes réelles. Voici les faits.",
                "Quelques précisions face aux détournements qui circulent.",
                "Nous préférons répondre aux questions plutôt qu'aux moqueries.",
            ],
            "chat": [
                "On comprend l'humour, mais la situation est sérieuse.",
                "Petite précision face aux messages qui circulent.",
                "Les informations vérifiées sont sur notre site.",
                "Nous restons disponibles pour vos questions.",
            ],
            "react": ["Précision utile", "Les faits sont ici", "Restons sérieux"],
        },
        "sadness": {
            "std": [
                "Nos pensées vont à {victims} et à leurs proches.",
                "Toute l'entreprise est touchée par {event}.",
                "Nous serons à vos côtés dans les jours et les semaines à venir.",
                "Une cellule d'écoute est ouverte pour toutes les personnes concernées.",
            ],
            "pro": [
                "Nos pensées vont à {victims}. Aucun mot ne suffit.",
                "L'ensemble des équipes de {org} est profondément affecté par {event}.",
                "Nous accompagnerons chaque personne concernée, aussi longtemps qu'il le faudra.",
            ],
            "chat": [
                "Nos pensées vont à toutes les personnes touchées.",
                "Toute l'équipe est très affectée.",
                "Nous sommes là si vous avez besoin.",
                "Une cellule d'écoute est ouverte.",
            ],
            "react": ["Nos pensées vous accompagnent", "Soutien", "Nous sommes à vos côtés"],
        },
    },
}

#: What the crowd (public, students, employees, bloggers, unions) says, by kind.
CORE: dict[str, dict[str, dict[str, list[str]]]] = {
    "post": {
        "approval": {
            "std": [
                "Franchement, {org} a bien géré : ils ont parlé vite et clairement.",
                "Pour une fois, une entreprise qui assume. Respect.",
                "{org} a pris ses responsabilités, c'est assez rare pour être souligné.",
                "Je préfère une boîte qui reconnaît ses erreurs à une boîte qui se cache.",
                "Les équipes de {org} sont sur le pont depuis le début, chapeau.",
                "On peut critiquer, mais {org} fait le nécessaire après {event}.",
            ],
            "pro": [
                "La réaction de {org} après {event} mérite d'être saluée : rapidité, transparence, mesures concrètes.",
                "Une communication de crise exemplaire de la part de {org}.",
                "Reconnaître les faits, agir, informer : {org} coche les bonnes cases.",
                "Il faut saluer la mobilisation des équipes de {org} sur le terrain.",
            ],
            "chat": [
                "perso je trouve que {org} gère plutôt bien",
                "au moins ils ont communiqué vite, c'est déjà ça",
                "franchement {org} a fait ce qu'il fallait",
                "faut reconnaître qu'ils assurent sur ce coup",
            ],
        },
        "fear": {
            "std": [
                "On ne sait rien et c'est bien ça qui fait peur.",
                "Quelqu'un a des infos fiables ? Ça m'inquiète vraiment.",
                "Ça fait flipper. Personne n'explique ce qui se passe vraiment.",
                "J'ai peur pour {victims}. On attend des réponses claires.",
                "Est-ce qu'on doit s'inquiéter ? Silence radio du côté de {org}.",
                "Je n'arrive pas à dormir depuis {event}.",
            ],
            "pro": [
                "Face à {event}, l'absence d'informations claires nourrit une inquiétude légitime.",
                "Beaucoup de questions restent sans réponse. L'inquiétude grandit à {place}.",
                "Une inquiétude compréhensible : les conséquences restent floues.",
                "Quelles conséquences à moyen terme pour {victims} ? Personne ne semble le savoir.",
            ],
            "chat": [
                "vous savez ce qui se passe ? ça m'inquiète",
                "quelqu'un a des nouvelles ?? j'ai un peu peur là",
                "c'est grave ou pas ? personne ne dit rien",
                "faites attention à vous, on sait pas encore grand-chose",
            ],
        },
        "anger": {
            "std": [
                "Honte à {org}. Ils savaient et ils n'ont rien fait.",
                "{org} se fiche complètement de ce qui arrive. Inadmissible.",
                "Combien de temps avant que {org} rende des comptes ?",
                "Après {event}, des excuses ne suffiront pas. On veut des actes.",
                "Ras-le-bol des entreprises qui jouent avec notre sécurité.",
                "{ceo} doit s'expliquer. Maintenant.",
            ],
            "pro": [
                "Ce n'est pas une fatalité : c'est le résultat de choix. {org} doit en répondre.",
                "Les faits sont graves et la réponse de {org} n'est pas à la hauteur.",
                "La confiance se perd en un jour. {org} vient d'en faire la démonstration.",
                "J'attends de {ceo} des explications précises, pas des éléments de langage.",
            ],
            "chat": [
                "c'est un scandale ce qui se passe avec {org}",
                "j'ai la rage, ils nous prennent pour des idiots",
                "ils savaient !! et ils ont rien dit",
                "franchement {org} mérite de payer",
                "plus jamais de {product} de chez {org}",
            ],
        },
        "mockery": {
            "std": [
                "{org} et la sécurité, une grande histoire d'amour 😂",
                "Le plan de crise de {org} : attendre que ça passe. Génial.",
                "« Tout est sous contrôle », disait {ceo}. On a vu.",
                "{org}, leader mondial de la communication… ratée.",
                "Bravo {org}, vraiment. Un modèle du genre.",
                "J'ai hâte de lire le prochain communiqué de {org} : « incident mineur », je parie.",
            ],
            "pro": [
                "Un cas d'école, à enseigner dans toutes les formations en gestion de crise. Pas pour les bonnes raisons.",
                "Petit conseil à {org} : un communiqué, c'est mieux quand il dit quelque chose.",
                "On apprend beaucoup de cette affaire, surtout ce qu'il ne faut pas faire.",
                "Entre le discours de {org} sur l'excellence et la réalité, il y a comme un écart.",
            ],
            "chat": [
                "mdr {org} ils sont trop forts",
                "non mais le communiqué de {org} 😂😂",
                "« tout est sous contrôle » 😂 on y croit",
                "ils vont nous dire que c'était un exercice, je parie",
            ],
        },
        "sadness": {
            "std": [
                "Tellement triste pour {victims}. Personne ne méritait ça.",
                "Le cœur lourd ce soir en pensant à {place}.",
                "On n'arrive pas à y croire.",
                "Pensées pour {victims} et leurs familles.",
                "Voir {place} dans cet état, ça fait mal.",
                "On avait confiance. Ça brise quelque chose.",
            ],
            "pro": [
                "Nos pensées vont à {victims}. Le temps des questions viendra ; celui de la solidarité, c'est maintenant.",
                "Profonde tristesse après {event}. Solidarité avec {victims}.",
                "Au-delà des chiffres, ce sont des vies touchées. Pensées pour {victims}.",
                "Un moment difficile pour {place}. Soutien à toutes les personnes concernées.",
            ],
            "chat": [
                "trop triste ce qui arrive à {place}",
                "pensées pour {victims} 😢",
                "j'arrive pas à y croire",
                "ça fait mal au cœur tout ça",
            ],
        },
    },
    "share": {
        "approval": {
            "std": [
                "Enfin des réponses claires.",
                "Voilà une réaction responsable.",
                "Bonne nouvelle, à faire circuler.",
                "Les explications de {org}, ça rassure un peu.",
                "À lire avant de s'emporter.",
            ],
            "pro": [
                "Une réponse à la hauteur, à lire.",
                "Une communication claire et utile.",
                "À lire pour comprendre les mesures prises.",
            ],
            "chat": [
                "regardez ça, ils ont réagi",
                "à lire, ça rassure un peu",
                "enfin une info claire",
            ],
        },
        "fear": {
            "std": [
                "Faites tourner, c'est important.",
                "Ça fait peur… Restez prudents.",
                "À lire si vous êtes à {place}.",
                "Je ne sais pas quoi en penser, mais ça m'inquiète.",
                "Prudence à tous.",
            ],
            "pro": [
                "Information importante pour les personnes concernées à {place}.",
                "Les questions restent nombreuses.",
                "Je relaie pour que l'information circule.",
            ],
            "chat": [
                "faites tourner svp",
                "à lire si vous êtes vers {place}",
                "ça fait flipper ça",
            ],
        },
        "anger": {
            "std": [
                "Lisez ça et dites-moi que c'est normal.",
                "Il faut que tout le monde le sache.",
                "Scandaleux. Faites tourner.",
                "Voilà comment {org} traite les gens.",
                "À partager un maximum.",
            ],
            "pro": [
                "Des faits graves, qui appellent des réponses.",
                "La responsabilité de {org} est posée.",
                "Ces questions méritent des réponses.",
            ],
            "chat": [
                "lisez ça, c'est honteux",
                "faites tourner, faut que ça se sache",
                "ça me dégoûte",
            ],
        },
        "mockery": {
            "std": [
                "Je n'invente rien 😂",
                "Le meilleur de {org}, saison 2.",
                "C'est une parodie ? Ah non.",
                "On ne s'en lasse pas.",
                "Sortez le pop-corn 🍿",
            ],
            "pro": [
                "À conserver pour la prochaine formation en communication de crise.",
                "Un exemple… à ne pas suivre.",
                "Tout est dit, ou presque.",
            ],
            "chat": [
                "jpp 😂",
                "regardez ça mdr",
                "on dirait un sketch",
            ],
        },
        "sadness": {
            "std": [
                "Tellement triste.",
                "Pensées pour {victims}.",
                "Ça fait mal de lire ça.",
                "Des mots qui serrent le cœur.",
                "Solidarité avec {place}.",
            ],
            "pro": [
                "Pensées pour {victims}.",
                "Soutien à {place} dans cette épreuve.",
                "Une lecture difficile, mais nécessaire.",
            ],
            "chat": [
                "trop triste 😢",
                "ça fait mal au cœur",
                "pensées à tous ceux de {place}",
            ],
        },
    },
    "opener": {
        "approval": {
            "std": ["Exactement.", "Bien dit.", "Tout à fait d'accord.", "Merci de le rappeler."],
            "pro": ["Tout à fait d'accord.", "Je partage cette analyse.", "Très juste."],
            "chat": ["grave", "c'est clair", "carrément"],
        },
        "fear": {
            "std": [
                "Tu as vu ?",
                "Sérieusement ?",
                "Attends, c'est vrai ?",
                "J'espère que tu te trompes.",
            ],
            "pro": ["Question légitime.", "C'est aussi ma crainte.", "Bonne question."],
            "chat": ["t'as vu ??", "c'est vrai ça ?", "ah bon ??"],
        },
        "anger": {
            "std": [
                "N'importe quoi…",
                "Sérieux ?",
                "Arrêtez de les défendre.",
                "Non mais franchement.",
            ],
            "pro": [
                "Je ne partage pas cette lecture.",
                "Permettez-moi d'en douter.",
                "Avec tout le respect que je vous dois, non.",
            ],
            "chat": ["n'importe quoi", "sérieux ??", "arrête de les défendre"],
        },
        "mockery": {
            "std": ["Mdr.", "Ah bah bravo.", "Tu m'as tué 😂", "Attends, c'est une blague ?"],
            "pro": ["Ironie du sort.", "On ne peut pas l'inventer.", "Tout est dit."],
            "chat": ["mdrrr", "ptdr", "jpp"],
        },
        "sadness": {
            "std": [
                "Tellement triste.",
                "Ça me brise le cœur.",
                "Je n'ai pas de mots.",
                "C'est terrible.",
            ],
            "pro": ["Des mots justes.", "Triste réalité.", "Merci pour ce message."],
            "chat": ["trop triste", "j'ai pas de mots", "c'est dur 😢"],
        },
    },
    "reply": {
        "approval": {
            "std": [
                "Ils ont reconnu les faits et ils agissent, c'est ce qu'on demande.",
                "{org} a communiqué plus vite que beaucoup d'autres.",
                "Laissons-les travailler, les équipes sont mobilisées.",
                "On peut leur reprocher beaucoup de choses, mais pas le silence.",
                "C'est une réponse sérieuse, il faut le reconnaître.",
            ],
            "pro": [
                "La réactivité de {org} limite clairement les dégâts.",
                "Les mesures annoncées vont dans le bon sens.",
                "C'est ainsi qu'on reconstruit la confiance.",
            ],
            "chat": [
                "ils ont fait le taf",
                "au moins ils se cachent pas",
                "laisse-les bosser un peu",
            ],
        },
        "fear": {
            "std": [
                "Personne ne sait vraiment ce qui se passe.",
                "Ils disent que tout va bien, mais on n'a aucune preuve.",
                "Moi aussi, ça m'inquiète. On attend quoi pour nous informer ?",
                "Il faut que {org} dise clairement ce qu'on risque.",
                "On nous cache peut-être des choses, c'est ça qui me fait peur.",
            ],
            "pro": [
                "L'absence d'informations précises inquiète à juste titre.",
                "Les conséquences pour {victims} doivent être clarifiées rapidement.",
                "Une information claire éviterait bien des angoisses.",
            ],
            "chat": [
                "perso ça me fait peur",
                "on sait toujours rien ??",
                "il faut qu'ils nous disent si on risque quelque chose",
            ],
        },
        "anger": {
            "std": [
                "{org} savait et n'a rien dit. Point.",
                "Des excuses après coup, c'est trop facile.",
                "Si c'était chez eux, ils réagiraient autrement.",
                "On parle de vraies personnes, pas d'un détail de communication.",
                "{ceo} doit démissionner, c'est le minimum.",
            ],
            "pro": [
                "La responsabilité de {org} est engagée, il faut le dire clairement.",
                "Minimiser les faits n'aide personne, et surtout pas {victims}.",
                "Les excuses ne remplacent pas des mesures concrètes.",
            ],
            "chat": [
                "ils se foutent de nous",
                "{org} savait, faut arrêter",
                "c'est toujours les mêmes qui trinquent",
            ],
        },
        "mockery": {
            "std": [
                "Leur communiqué, c'est du grand art 😂",
                "Prochaine étape : {ceo} nous explique que c'est de notre faute.",
                "« Incident maîtrisé », qu'ils disaient.",
                "{org} mérite une médaille, catégorie communication ratée.",
                "Tu crois vraiment à leur « aucun risque » ?",
            ],
            "pro": [
                "Un manuel de gestion de crise, version à ne pas reproduire.",
                "La distance entre les éléments de langage et la réalité est saisissante.",
                "Ce communiqué restera dans les annales, pour de mauvaises raisons.",
            ],
            "chat": [
                "leur com c'est un sketch",
                "attends ils vont dire que tout va bien 😂",
                "ils sont trop nuls",
            ],
        },
        "sadness": {
            "std": [
                "On pense fort à {victims}.",
                "Personne ne méritait ça, surtout pas {victims}.",
                "J'ai de la famille à {place}, c'est dur à vivre.",
                "Quelle tristesse de voir {place} à la une pour ça.",
                "On ne s'habitue pas à ce genre de nouvelle.",
            ],
            "pro": [
                "Pensées pour {victims} et leurs proches.",
                "Une épreuve difficile pour tout un territoire.",
                "Le temps des responsabilités viendra ; aujourd'hui, solidarité.",
            ],
            "chat": [
                "pensées pour eux",
                "c'est trop triste pour {place}",
                "ça me fend le cœur",
            ],
        },
    },
    "reaction": {
        "approval": {
            "std": ["Bien dit", "Bravo", "Respect", "Enfin une bonne nouvelle"],
            "pro": ["Bravo pour la réactivité", "Très juste", "Exemplaire"],
            "chat": ["top", "bien joué", "ouf"],
        },
        "fear": {
            "std": ["Ça fait peur", "Flippant", "J'espère que tout le monde va bien", "Inquiétant"],
            "pro": ["Inquiétant", "Vigilance", "À suivre de près"],
            "chat": ["flippant", "j'ai peur", "oh non"],
        },
        "anger": {
            "std": ["Inadmissible", "Honteux", "Scandaleux", "Ras-le-bol"],
            "pro": ["Inacceptable", "Consternant", "Des comptes à rendre"],
            "chat": ["honteux", "la honte", "scandale"],
        },
        "mockery": {
            "std": ["La blague", "Mdr", "On y croit", "Incroyable"],
            "pro": ["Sans commentaire", "Cas d'école", "Ironie du sort"],
            "chat": ["mdr", "ptdr", "la blague"],
        },
        "sadness": {
            "std": ["Tellement triste", "Courage", "Pensées pour {victims}", "Quel malheur"],
            "pro": ["Pensées pour {victims}", "Soutien", "Triste nouvelle"],
            "chat": ["trop triste", "courage à tous", "ça fait mal"],
        },
    },
}

#: Reply openers of the accounts that speak only in their own voice.
OPENERS: dict[str, dict[str, list[str]]] = {
    "journalist": {
        "std": [
            "Bonne question.",
            "Merci pour le signalement.",
            "Nous vérifions.",
            "C'est un point important.",
        ],
        "pro": [
            "Merci pour ce commentaire.",
            "Question pertinente.",
            "C'est précisément l'objet de notre enquête.",
            "Merci de votre retour.",
        ],
        "chat": ["merci pour l'info", "je vérifie", "bonne question"],
    },
    "elected": {
        "std": [
            "Merci pour votre message.",
            "Je vous entends.",
            "C'est une vraie question.",
            "Je vous réponds directement.",
        ],
        "pro": [
            "Merci pour ce message.",
            "Je vous réponds bien volontiers.",
            "C'est une question légitime.",
            "Je comprends votre réaction.",
        ],
        "chat": ["merci pour le message", "je vous entends", "je réponds ici"],
    },
    "organisation": {
        "std": [
            "Bonjour,",
            "Merci pour votre message.",
            "Bonjour, et merci de votre vigilance.",
            "Nous avons bien lu votre message.",
        ],
        "pro": [
            "Merci pour votre message.",
            "Nous vous remercions pour ce retour.",
            "Bonjour,",
            "Nous prenons note de votre commentaire.",
        ],
        "chat": [
            "Merci pour votre message.",
            "Nous avons bien lu votre message.",
            "Merci de nous avoir écrit.",
            "Bien reçu, merci.",
        ],
    },
}

#: Facebook / LinkedIn sign-offs of crowd posts, by emotion.
CLOSERS: dict[str, dict[str, list[str]]] = {
    "approval": {
        "std": ["Ça mérite d'être dit.", "Merci à eux.", "Pour une fois qu'on peut dire du bien."],
        "pro": ["Une réponse dont d'autres devraient s'inspirer.", "La transparence paie."],
    },
    "fear": {
        "std": [
            "Quelqu'un a des infos ?",
            "Faites attention à vous.",
            "Si vous savez quelque chose, dites-le.",
        ],
        "pro": ["Qu'en pensez-vous ?", "L'information doit circuler."],
    },
    "anger": {
        "std": [
            "Partagez, il faut que ça se sache.",
            "On ne va pas se laisser faire.",
            "Ça ne peut pas rester comme ça.",
        ],
        "pro": ["La confiance se mérite.", "Nous attendons des actes."],
    },
    "mockery": {
        "std": [
            "On rit pour ne pas pleurer.",
            "Vous n'y croyez pas ? Moi non plus.",
            "Je n'invente rien.",
        ],
        "pro": ["À méditer.", "Une leçon pour tous les communicants."],
    },
    "sadness": {
        "std": ["Courage à tous.", "Prenez soin de vous.", "On pense à vous."],
        "pro": ["Solidarité.", "Soutien à toutes les personnes concernées."],
    },
}

#: Sign-offs of journalists, officials and the organisation (whatever the emotion).
GROUP_CLOSERS: dict[str, dict[str, list[str]]] = {
    "journalist": {
        "std": [
            "Nous suivons la situation.",
            "Vos témoignages nous intéressent.",
            "Plus d'informations à venir.",
        ],
        "pro": ["Article complet à lire sur notre site.", "Notre enquête se poursuit."],
    },
    "elected": {
        "std": ["Je vous tiendrai informés.", "Ma porte est ouverte."],
        "pro": ["Je reste à la disposition des habitants.", "Nous ferons le point publiquement."],
    },
    "organisation": {
        "std": ["Nous vous tiendrons informés ici.", "Nous répondrons à vos questions ici."],
        "pro": [
            "Nous rendrons compte de chaque étape.",
            "Nos équipes restent à votre disposition.",
        ],
    },
}

#: WhatsApp's label on a message that went round many groups (rumours travel this way).
FORWARDED_MANY = "Transféré plusieurs fois :"

#: How a forward looks on each platform; "<>" is the sharer's comment.
SHARE_FRAMES: dict[str, list[str]] = {
    "microblog": ["RT <>", "<> 👇", "À lire. <>", "<> ⬇️"],
    "social": ["Je partage : <>", "Je partage. <>", "À partager : <>", "<> Je partage."],
    "photo": ["🔁 <>", "En story 👉 <>", "Repost 📲 <>"],
    "professional": [
        "Je relaie cette information. <>",
        "Je partage cette publication. <>",
        "À lire. <>",
    ],
    "messaging": ["Transféré : <>", "↪️ Transféré. <>", "je vous transfère ça : <>"],
}

#: Someone spreading a rumour; {claim} is a full clause ("l'eau du robinet est contaminée").
CLAIMS: dict[str, dict[str, list[str]]] = {
    "approval": {
        "std": [
            "Apparemment, {claim}, mais {org} a l'air de gérer.",
            "Ça circule : {claim}. J'attends la confirmation de {org}, ils ont été clairs jusqu'ici.",
            "Vu passer : {claim}. Faisons confiance à {org} pour nous informer.",
            "Selon certains, {claim}. Rien d'officiel, et {org} communique bien.",
            "On entend dire ceci : {claim}. Restons calmes, {org} fait le nécessaire.",
        ],
        "pro": [
            "Une information circule : {claim}. Attendons la confirmation de {org}, qui communique clairement.",
            "Selon certaines sources, {claim}. {org} a jusqu'ici joué la transparence ; attendons.",
            "Rumeur du jour : {claim}. Restons mesurés, {org} fait le nécessaire.",
            "À vérifier : {claim}. La communication de {org} a été fiable jusqu'à présent.",
        ],
        "chat": [
            "apparemment {claim}, mais {org} gère",
            "vu passer : {claim}. on attend ce que dit {org}",
            "rumeur : {claim}. perso je fais confiance à {org}",
            "on m'a dit ça : {claim}. à voir, ils ont été clairs jusqu'ici",
        ],
    },
    "fear": {
        "std": [
            "Attention : apparemment, {claim}. Faites passer.",
            "Un ami qui travaille sur place me l'a confirmé : {claim}.",
            "Ça circule à {place} : {claim}. Quelqu'un peut confirmer ?",
            "D'après plusieurs voisins, {claim}. C'est vrai ?",
            "Info d'un proche : {claim}. Faites attention à vous.",
        ],
        "pro": [
            "Une information circule : {claim}. Si elle se confirme, la situation est sérieuse.",
            "Plusieurs sources évoquent ce point : {claim}. Des précisions sont attendues.",
            "Selon des informations non confirmées, {claim}.",
            "À confirmer, mais préoccupant : {claim}.",
        ],
        "chat": [
            "vous avez vu ? apparemment {claim}",
            "un pote m'a dit : {claim}. faites gaffe",
            "ça tourne dans le groupe du quartier : {claim}",
            "c'est vrai ce truc : {claim} ??",
        ],
    },
    "anger": {
        "std": [
            "Et personne ne nous le dit : {claim} !",
            "Donc {claim}, et {org} se tait ? Scandale.",
            "Ils nous cachent tout : {claim}.",
            "Je l'ai de source sûre : {claim}. Honte à {org}.",
            "On vient de l'apprendre, {claim}. Qui va payer ?",
        ],
        "pro": [
            "Selon plusieurs sources, {claim}. Si c'est avéré, c'est inacceptable.",
            "Information à confirmer, mais grave : {claim}.",
            "D'après des témoignages concordants, {claim}. {org} doit s'expliquer.",
            "Si cela se confirme ({claim}), la responsabilité de {org} est engagée.",
        ],
        "chat": [
            "ils nous cachent tout, {claim} !!",
            "je l'ai de source sûre : {claim}",
            "donc {claim} et personne dit rien ??",
            "on vient de me le dire : {claim}. la honte",
        ],
    },
    "mockery": {
        "std": [
            "Donc si j'ai bien compris, {claim}. Génial.",
            "Apparemment, {claim}. Mais tout est sous contrôle, hein 😂",
            "Nouvelle du jour : {claim}. Bravo {org}.",
            "Dernière trouvaille : {claim}. On n'arrête pas le progrès.",
            "Selon la rumeur, {claim}. Vivement le communiqué « aucun risque ».",
        ],
        "pro": [
            "Information du jour, à prendre avec précaution : {claim}. Rassurant.",
            "Selon la rumeur, {claim}. La communication de {org} n'aide pas à démentir.",
            "À en croire les réseaux, {claim}. Tout va bien, donc.",
            "Ce qui circule : {claim}. Le silence de {org} fait le reste.",
        ],
        "chat": [
            "apparemment {claim} mdr",
            "donc {claim}. tout va bien 😂",
            "bon ben {claim}, mais tout est sous contrôle hein",
            "la meilleure : {claim} 😂",
        ],
    },
    "sadness": {
        "std": [
            "Apparemment, {claim}… c'est affreux.",
            "Si c'est vrai ({claim}), je n'ai pas de mots.",
            "Triste nouvelle qui circule : {claim}.",
            "D'après des proches, {claim}. Pensées pour tous.",
            "On me l'a confirmé : {claim}. J'ai le cœur brisé.",
        ],
        "pro": [
            "Selon des informations non confirmées, {claim}. Une nouvelle difficile.",
            "D'après des proches, {claim}. Pensées pour les personnes concernées.",
            "Une information circule, et elle est triste : {claim}.",
            "Si cela se confirme ({claim}), c'est une épreuve de plus pour {place}.",
        ],
        "chat": [
            "apparemment {claim}… trop triste",
            "on m'a dit : {claim}. j'ai pas de mots",
            "un voisin dit : {claim}. ça me fait mal",
            "dites-moi que c'est faux : {claim}… 😢",
        ],
    },
}

#: An ally pushing back on critics when the organisation communicates well.
DEFENCE: dict[str, list[str]] = {
    "std": [
        "Ils ont présenté des excuses et pris des mesures, laissez-les travailler.",
        "{org} a reconnu les faits. Qu'est-ce que vous voulez de plus ?",
        "Franchement, ils communiquent plus que la plupart des entreprises. Laissez-leur le temps.",
        "Critiquer, c'est facile. Eux, au moins, ils agissent.",
        "Les équipes de {org} sont sur le terrain depuis le début, un peu de respect.",
        "Ils répondent à toutes les questions, même aux plus agressives. Chapeau.",
        "Avant de tirer sur {org}, lisez leur communiqué en entier.",
        "{ceo} a pris la parole et assumé. On ne peut pas leur reprocher de se cacher.",
    ],
    "pro": [
        "La réponse de {org} est rapide, transparente et assortie de mesures concrètes. Difficile de faire mieux.",
        "La critique est légitime, mais reconnaissons les efforts de transparence de {org}.",
        "Des excuses, des mesures, un suivi : {org} fait ce qu'on attend d'une entreprise responsable.",
        "Laissons aux équipes de {org} le temps de travailler ; les informations arrivent régulièrement.",
        "{ceo} a pris la parole rapidement et assumé. C'est rare, et cela mérite d'être dit.",
    ],
    "chat": [
        "ils se sont excusés et ils bossent, laissez-les",
        "franchement ils font ce qu'ils peuvent",
        "lisez leur communiqué avant de critiquer",
        "ils répondent à tout le monde, c'est déjà bien",
        "{org} a assumé, ça change des autres",
        "calmez-vous, ils ont tout expliqué",
    ],
}
DEFENCE_CLOSERS: dict[str, list[str]] = {
    "std": ["Un peu de recul, ça ne fait pas de mal.", "On juge sur les actes."],
    "pro": ["Jugeons sur les actes.", "Un peu de recul s'impose."],
}

#: Replies under the organisation's own statement, by emotion.
MESSAGE_REPLIES: dict[str, dict[str, list[str]]] = {
    "approval": {
        "std": [
            "Merci pour la transparence.",
            "Enfin des réponses claires, merci.",
            "Merci d'avoir pris la parole aussi vite.",
            "C'est ce qu'on attendait. Merci {org}.",
            "Message clair et humain. Merci.",
        ],
        "pro": [
            "Une prise de parole claire et responsable. Merci.",
            "Merci pour cette transparence, elle est essentielle.",
            "Un message à la hauteur de la situation.",
            "Des engagements précis : c'est ce qu'il fallait.",
        ],
        "chat": [
            "merci pour l'info",
            "merci, c'est clair",
            "ok merci, ça rassure",
            "merci de nous tenir au courant",
            "top, merci",
        ],
    },
    "fear": {
        "std": [
            "Et concrètement, on risque quoi ?",
            "Merci, mais est-ce qu'on est concernés, oui ou non ?",
            "Vous pouvez être plus précis ? Les gens ont peur.",
            "Et pour {victims}, qu'est-ce qui est prévu ?",
            "Quand aurons-nous plus d'informations ?",
        ],
        "pro": [
            "Merci pour ce message. Quelles sont les prochaines étapes concrètes ?",
            "Pourriez-vous préciser les conséquences pour {victims} ?",
            "Un calendrier d'information serait rassurant.",
            "Quelles garanties pouvez-vous donner aujourd'hui ?",
        ],
        "chat": [
            "ok mais on risque quoi ?",
            "et nous on fait quoi ?",
            "vous en saurez plus quand ?",
            "c'est grave ou pas ?",
            "on doit s'inquiéter ?",
        ],
    },
    "anger": {
        "std": [
            "Un communiqué pour ne rien dire.",
            "Des mots, toujours des mots. Où sont les actes ?",
            "Vous vous moquez de qui ?",
            "Trop peu, trop tard.",
            "Et les excuses, c'est pour quand ?",
        ],
        "pro": [
            "Ce message ne répond à aucune des questions posées.",
            "La forme est soignée ; le fond est absent.",
            "Nous attendons des engagements précis, pas des éléments de langage.",
            "Un communiqué ne remplace pas des actes.",
        ],
        "chat": [
            "ça veut rien dire votre message",
            "trop tard",
            "et les excuses ??",
            "vous vous moquez de nous",
            "des actes, pas des mots",
        ],
    },
    "mockery": {
        "std": [
            "Bravo, c'est très clair 🙃",
            "Vous l'avez fait relire par un stagiaire ?",
            "« Tout est sous contrôle », on a l'habitude 😂",
            "Merci pour ce moment de poésie.",
            "Magnifique. Ça ne veut rien dire, mais c'est magnifique.",
        ],
        "pro": [
            "Un texte qui fera date dans les formations en communication de crise.",
            "Élégant, mais on cherche encore l'information.",
            "Un bel exercice de style.",
            "Beaucoup de mots, peu de réponses.",
        ],
        "chat": [
            "mdr le communiqué",
            "merci pour ce moment 😂",
            "c'est une blague ?",
            "ptdr ils osent",
            "j'ai rien compris mdr",
        ],
    },
    "sadness": {
        "std": [
            "Pensées pour {victims}. Merci de ne pas les oublier.",
            "Triste de lire ça. Courage à tous.",
            "Un message nécessaire, mais tellement triste.",
            "On pense à toutes les personnes touchées.",
            "Merci pour ces mots. Ça n'efface rien, mais merci.",
        ],
        "pro": [
            "Des mots justes dans un moment difficile.",
            "Pensées pour {victims} et leurs proches.",
            "Merci pour ce message de soutien.",
            "Un message digne, dans un moment douloureux.",
        ],
        "chat": [
            "pensées pour eux",
            "trop triste",
            "merci pour ces mots",
            "courage à tous",
            "ça fait mal au cœur",
        ],
    },
}

#: Notable accounts' moments; extra fields per event are listed in `text.EVENT_FIELDS`.
NOTABLE: dict[str, list[str]] = {
    "question": [
        "{handle} Bonjour, {name} pour {outlet}. Nous préparons un article sur {topic} : pouvez-vous nous répondre d'ici {deadline} minutes ?",
        "Question posée à {org} sur {topic}. Sans réponse dans les {deadline} minutes, nous publierons sans leur version.",
        "{handle} Nous souhaitons votre réaction sur {topic}. Bouclage dans {deadline} minutes. {name}, {outlet}.",
        "{name} ({outlet}) : nous avons interrogé {org} sur {topic}. Réponse attendue dans {deadline} minutes.",
        "{handle} {outlet} travaille sur {topic}. Pouvez-vous nous rappeler dans les {deadline} minutes ? {name}",
    ],
    "no_response": [
        "{outlet} a sollicité {org} sur {topic} : pas de réponse à l'heure où nous publions.",
        "Nos questions à {org} sur {topic} sont restées sans réponse. Notre article est en ligne. {name}, {outlet}.",
        "{org} n'a pas souhaité répondre à nos questions sur {topic}. {name} ({outlet})",
        "Malgré nos relances, {org} n'a pas donné suite à nos questions sur {topic}. {name}, {outlet}.",
        "Silence de {org} : nos questions sur {topic} restent sans réponse. {outlet}",
    ],
    "article": [
        "Notre article sur {topic} est en ligne. {name}, {outlet}.",
        "À lire sur {outlet} : notre enquête sur {topic}.",
        "{name} ({outlet}) : ce que l'on sait sur {topic}. Article à lire.",
        "Enquête sur {topic} : ce que {org} n'a pas dit. À lire sur {outlet}.",
        "Nouveau sur {outlet} : le point complet sur {topic}, avec des témoignages d'habitants de {place}.",
    ],
    "answered": [
        "{org} a répondu à nos questions. Merci. {name}, {outlet}.",
        "Mise à jour : {org} nous a répondu, nous intégrons leurs éléments à l'article.",
        "{org} a apporté des réponses à {outlet}. Article mis à jour.",
        "{name} ({outlet}) : la réponse de {org} est arrivée, nous la publions en intégralité.",
    ],
    "official_statement": [
        "Déclaration de {name} : « Les habitants de {place} ont droit à des réponses claires et rapides. J'ai demandé des comptes à {org}. »",
        "{name} : « Je ne laisserai pas les habitants de {place} sans réponse. {org} doit s'expliquer. »",
        "Communiqué de {name} : la situation à {place} exige que {org} rende des comptes sans délai.",
        "{name} demande une réunion publique à {place} avec la direction de {org}.",
        "« La colère des habitants de {place} est légitime. » {name} interpelle {org}.",
    ],
    "union_call": [
        "{name} appelle les salariés de {org} à un rassemblement devant {site}.",
        "Les salariés de {org} ne se tairont pas : {name} appelle à un débrayage.",
        "{name} : « La direction de {org} doit entendre la colère des salariés. Rendez-vous demain devant {site}. »",
        "Appel de {name} à la mobilisation : sécurité, transparence, respect des salariés de {org}.",
        "Préavis de grève déposé par {name} chez {org}.",
    ],
    "blogger_rant": [
        "Vidéo en ligne : je vous dis tout sur {org} après {event}. Ça va piquer. {name}",
        "{name} ici. Je n'allais rien dire, mais le comportement de {org} après {event} est indéfendable.",
        "Thread : pourquoi {org} ne mérite plus notre confiance après {event}. {name}",
        "Je m'appelle {name} et je boycotte {org}. Voici pourquoi.",
        "Nouvelle vidéo : {org}, {event} et tout ce qu'on ne vous dit pas.",
    ],
}
