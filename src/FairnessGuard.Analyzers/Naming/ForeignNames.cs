namespace FairnessGuard.Analyzers.Naming;

/// <summary>
/// Sensitive names in the languages much public model code is written in (Portuguese, Spanish, French, Italian,
/// German, Turkish), matched on whole identifier words like the English ones. Only words that cannot name anything
/// else in code are in <see cref="Sensitive"/>; words that can (<c>Genero</c> is also a film's genre, <c>Raza</c>
/// a dog's breed, German <c>Alter</c> also an English verb) are in <see cref="NeedPerson"/>.
/// </summary>
internal static class ForeignNames
{
    public static readonly string[] Sensitive =
    {
        // Sex and gender
        "sexo", "sexe", "sesso", "geschlecht", "geslacht", "cinsiyet", "identidade de genero", "identidade genero",
        "identidad de genero", "identidad genero", "identite de genre",
        // Race, colour, ethnicity
        "etnia", "etnico", "etnica", "ethnie", "ethnique", "ethnizitat", "ethnizität", "cor raca", "cor da pele", "color de piel",
        "couleur de peau", "hautfarbe",
        // Nationality, citizenship, place of birth
        "nacionalidade", "nacionalidad", "nationalite", "nationalité", "nazionalita", "nazionalità", "nationalitat",
        "nationalität", "staatsangehorigkeit", "staatsangehörigkeit", "staatsburgerschaft", "staatsbürgerschaft", "uyruk",
        "naturalidade", "cidadania", "ciudadania", "ciudadanía", "citoyennete", "citoyenneté", "cittadinanza",
        "pais de nascimento", "pais nascimento", "pais de nacimiento", "pais nacimiento", "lugar de nacimiento", "lugar nacimiento",
        "local de nascimento", "local nascimento", "lieu de naissance", "lieu naissance", "luogo di nascita", "geburtsort",
        // Religion
        "religiao", "religião", "religione", "konfession", "religionszugehorigkeit", "religionszugehörigkeit",
        // Age and date of birth
        "idade", "edad", "âge", "età", "yaş", "lebensalter", "data de nascimento", "data nascimento", "dt nascimento",
        "fecha de nacimiento", "fecha nacimiento", "fec nacimiento", "date de naissance", "date naissance", "data di nascita",
        "data nascita", "geburtsdatum", "geburtsjahr", "ano de nascimento", "ano nascimento", "año de nacimiento",
        "año nacimiento", "anio nacimiento", "dogum tarihi", "doğum tarihi", "faixa etaria", "faixa etária", "rango de edad",
        "grupo etario", "tranche d age", "altersgruppe",
        // Marital and family status, pregnancy
        "estado civil", "etat civil", "état civil", "situation familiale", "stato civile", "familienstand", "medeni hal",
        "medeni durum", "gravidez", "gestante", "embarazo", "embarazada", "grossesse", "enceinte", "schwangerschaft",
        "schwanger", "gravidanza", "incinta", "hamilelik",
        // Disability
        "discapacidad", "discapacitado", "behinderung", "schwerbehinderung", "disabilita", "disabilità", "engelli",
        "engellilik", "pessoa com deficiencia", "portador de deficiencia",
        // Sexual orientation
        "orientacao sexual", "orientação sexual", "orientacion sexual", "orientación sexual", "orientation sexuelle",
        "sexuelle orientierung", "orientamento sessuale", "cinsel yonelim",
    };

    /// <summary>
    /// Words that name a protected attribute only on a person (see <see cref="NameMatchers.IsSensitiveMember"/>).
    /// Words written <c>=word</c> must be the whole identifier.
    /// </summary>
    public static readonly string[] NeedPerson =
    {
        "genero", "género", "gênero", "=genre", "raza", "raca", "raça", "razza", "=rasse", "=alter",
    };

    /// <summary>Names with one of the words above that mean something else.</summary>
    public static readonly string[] NotSensitive =
    {
        "genero favorito", "genero preferido", "genre favori", "genero musical", "genero literario", "genero pelicula",
        "genero filme", "genero livro", "genero libro", "raza perro", "raca cachorro",
        // A work's or a product's age rating, not a person's age.
        "idade minima", "idade mínima", "edad minima", "edad mínima", "idade recomendada", "edad recomendada",
        "classificacao etaria", "classificação etária", "clasificacion por edad", "mindestalter", "altersfreigabe",
        "min age", "minimum age", "age rating",
    };

    /// <summary>
    /// Words that make a method a model's entry point (first or last word of its name, as <c>Prever</c>,
    /// <c>CalcularPontuacao</c>, <c>TreinarModelo</c>): predict, prediction, score, classify, train.
    /// </summary>
    public static readonly string[] PredictionWords =
    {
        "prever", "predizer", "previsao", "previsão", "pontuacao", "pontuação", "escore", "classificar", "treinar",
        "predecir", "prediccion", "predicción", "puntaje", "puntuacion", "puntuación", "clasificar", "entrenar",
        "predire", "prédire", "entrainer", "entraîner", "prevedere", "previsione", "punteggio", "classificare", "addestrare",
        "vorhersagen", "vorhersage", "klassifizieren", "trainieren", "tahmin", "tahminet",
    };

    /// <summary>Calculation verbs that make a method a scoring one on a type named as a scorer (<c>Puntaje.Calcular</c>).</summary>
    public static readonly string[] CalculationVerbs = { "calcular", "calculer", "calcolare", "berechnen", "avaliar", "evaluar", "evaluer", "valutare" };

    /// <summary>Age-like words (an age of a thing is not sensitive) besides English "age".</summary>
    public static readonly string[] AgeWords = { "age", "edad", "idade", "âge", "età", "yaş", "lebensalter" };

    /// <summary>Words in a type's name that say its rows are people, in the languages above.</summary>
    public static readonly string[] People =
    {
        "cliente", "clientes", "paciente", "pacientes", "pessoa", "persona", "personne", "empleado", "funcionario", "colaborador",
        "mitarbeiter", "angestellter", "candidato", "candidat", "bewerber", "usuario", "utilisateur", "benutzer", "nutzer",
        "alumno", "aluno", "estudiante", "estudante", "etudiant", "schuler", "schüler", "solicitante", "requerente", "tomador",
        "segurado", "asegurado", "assure", "versicherter", "kunde", "patiente", "pasajero", "passageiro", "passagier",
        "ciudadano", "cidadao", "cidadão", "beneficiario", "trabajador", "trabalhador", "arbeitnehmer", "dipendente",
        "impiegato", "utente", "paziente", "studente", "musteri", "müşteri", "ogrenci", "öğrenci", "calisan", "çalışan", "kisi",
        "kişi", "viajero", "jugador", "integrante", "miembro", "membro", "afiliado", "prestatario", "deudor", "devedor",
        "mutuario", "postulante", "aspirante", "inscrito", "votante", "eleitor", "elector", "hasta",
    };

    /// <summary>Words in a type's name that say its rows are animals or things: neither an age nor a breed is sensitive there.</summary>
    public static readonly string[] NotPeople =
    {
        "pet", "dog", "cat", "horse", "cattle", "cow", "breed", "species", "mascota", "perro", "gato", "cachorro", "ganado",
        "ejemplar", "caballo", "vaca", "gado", "cavalo", "animale", "cane", "tier", "hund", "katze", "pferd", "chien",
        "cheval", "hayvan", "kedi", "kopek", "köpek", "veiculo", "vehiculo", "coche", "carro", "fahrzeug", "voiture", "imovel",
        "inmueble", "vivienda", "casa", "haus", "produto", "producto", "produkt", "conta", "cuenta", "konto", "empresa",
        "maquina", "máquina", "equipamento", "arbol", "árbol", "arvore", "árvore",
    };

    /// <summary>
    /// Words in a type's name that say its rows are works with a genre: <c>Genero</c> there is not a gender. They do not
    /// make a bare age a thing's (a game's player has a person's age).
    /// </summary>
    public static readonly string[] Works =
    {
        "movie", "film", "filme", "pelicula", "película", "book", "libro", "livro", "livre", "buch", "song", "track", "album",
        "musica", "música", "cancion", "canción", "vinilo", "disco", "game", "juego", "jogo", "serie", "obra", "artista",
        "banda", "genre",
    };
}
