using System.Globalization;

namespace Workbench.Data.Synthetic;

/// <summary>A subject as rosters and learning records name it: <see cref="Code"/> is the segment in activity IRIs
/// and the OneRoster subjectCodes value; <see cref="Name"/> the OneRoster subjects value.</summary>
internal sealed record Subject(string Code, string Name, double SessionWeight);

/// <summary>A 単元 of one subject and grade, with the activity IRI used by xAPI and the unit tests.</summary>
internal sealed record Unit(Subject Subject, int Grade, int Number, string Title, string Iri, int Exercises, double Difficulty)
{
    public string ExerciseIri(int n) => string.Create(CultureInfo.InvariantCulture, $"{Iri}/q{n}");

    /// <summary>The last exercise of a unit is its まとめ問題 (passed/failed).</summary>
    public string ExerciseName(int n) => n == Exercises
        ? $"{Title} まとめ問題"
        : string.Create(CultureInfo.InvariantCulture, $"{Title} 練習問題{n}");
}

/// <summary>
/// Subjects per grade and a table of 単元 titles after the current Courses of Study (学習指導要領, 2017/2018) and
/// common textbooks. Grades are 1–9 (P1–P6, J1–J3). 理科 and 社会 begin in P3 and 英語 in P5, as in Japanese schools.
/// </summary>
internal static class Curriculum
{
    public const string ActivityRoot = "https://portal.tsuyama.ed.jp/activities";

    public static readonly Subject Kokugo = new("kokugo", "国語", 0.26);
    public static readonly Subject Sansu = new("sansu", "算数", 0.34);
    public static readonly Subject Sugaku = new("sugaku", "数学", 0.30);
    public static readonly Subject Rika = new("rika", "理科", 0.13);
    public static readonly Subject Shakai = new("shakai", "社会", 0.12);
    public static readonly Subject Eigo = new("eigo", "英語", 0.16);

    private static readonly Dictionary<(string Subject, int Grade), string> Titles = new()
    {
        [("sansu", 1)] = "なんばんめ,10までのかず,いくつといくつ,たしざん(1),ひきざん(1),かずしらべ,20までのかず,なんじ なんじはん,たしざん(2),ひきざん(2),おおきいかず,かたちあそび",
        [("sansu", 2)] = "ひょうとグラフ,たし算のひっ算,ひき算のひっ算,長さのたんい,1000までの数,水のかさのたんい,時こくと時間,三角形と四角形,かけ算(1),かけ算(2),分数,はこの形",
        [("sansu", 3)] = "かけ算のきまり,時こくと時間のもとめ方,わり算,たし算とひき算の筆算,あまりのあるわり算,大きい数のしくみ,かけ算の筆算,円と球,小数,重さのたんいとはかり方,分数,三角形と角",
        [("sansu", 4)] = "大きい数のしくみ,折れ線グラフと表,わり算の筆算(1),角の大きさ,小数のしくみ,わり算の筆算(2),垂直・平行と四角形,がい数の表し方,面積のくらべ方と表し方,小数のかけ算とわり算,分数,直方体と立方体",
        [("sansu", 5)] = "整数と小数,直方体や立方体の体積,比例,小数のかけ算,小数のわり算,合同な図形,整数の性質,分数のたし算とひき算,平均,単位量あたりの大きさ,割合,帯グラフと円グラフ",
        [("sansu", 6)] = "対称な図形,文字と式,分数のかけ算,分数のわり算,比とその利用,拡大図と縮図,円の面積,角柱と円柱の体積,比例と反比例,並べ方と組み合わせ方,データの調べ方",
        [("sugaku", 7)] = "正の数・負の数,加法と減法,乗法と除法,文字を使った式,一次方程式,比例,反比例,平面図形,空間図形,データの分布",
        [("sugaku", 8)] = "式の計算,文字式の利用,連立方程式,連立方程式の利用,一次関数,一次関数の利用,平行と合同,三角形と四角形,確率,箱ひげ図",
        [("sugaku", 9)] = "多項式の展開,因数分解,平方根,二次方程式,関数y=ax²,相似な図形,平行線と比,円周角の定理,三平方の定理,標本調査",
        [("kokugo", 1)] = "はなのみち,くちばし,おおきなかぶ,おむすびころりん,かたかなをみつけよう,じどう車くらべ,かん字のはなし,たぬきの糸車,どうぶつの赤ちゃん,ずうっと、ずっと、大すきだよ",
        [("kokugo", 2)] = "ふきのとう,たんぽぽのちえ,スイミー,かんさつ名人になろう,ミリーのすてきなぼうし,お手紙,馬のおもちゃの作り方,かん字の読み方,スーホの白い馬,主語と述語",
        [("kokugo", 3)] = "きつつきの商売,こまを楽しむ,国語辞典を使おう,まいごのかぎ,ちいちゃんのかげおくり,すがたをかえる大豆,ローマ字,三年とうげ,モチモチの木,漢字の音と訓",
        [("kokugo", 4)] = "白いぼうし,一つの花,新聞を作ろう,漢字辞典の使い方,ごんぎつね,アップとルーズで伝える,慣用句,プラタナスの木,初雪のふる日,世界にほこる和紙",
        [("kokugo", 5)] = "なまえつけてよ,言葉の意味が分かること,敬語,大造じいさんとガン,古典の世界,和語・漢語・外来語,固有種が教えてくれること,たずねびと,想像力のスイッチを入れよう,言葉と私たち",
        [("kokugo", 6)] = "帰り道,時計の時間と心の時間,漢字の形と音・意味,やまなし,『鳥獣戯画』を読む,狂言「柿山伏」,海の命,日本文化を発信しよう,熟語の成り立ち,大切にしたい言葉",
        [("kokugo", 7)] = "朝のリレー,花曇りの向こう,ちょっと立ち止まって,大人になれなかった弟たちに……,竹取物語,矛盾「韓非子」,少年の日の思い出,言葉の単位,漢字の組み立てと部首,意見文を書こう",
        [("kokugo", 8)] = "アイスプラネット,枕草子,短歌に親しむ,走れメロス,字のない葉書,平家物語,徒然草,漢詩の風景,用言の活用,熟語の構成",
        [("kokugo", 9)] = "握手,作られた「物語」を超えて,俳句の可能性,故郷,おくのほそ道,論語,和歌の世界,初恋,助動詞,慣用句・ことわざ・故事成語",
        [("rika", 3)] = "春の生き物,たねをまこう,こん虫の育ち方,風とゴムの力のはたらき,太陽とかげ,光のせいしつ,電気の通り道,じしゃくのふしぎ,音のせいしつ,ものの重さ",
        [("rika", 4)] = "あたたかくなると,天気と気温,電流のはたらき,雨水のゆくえと地面のようす,とじこめた空気と水,月と星,ヒトの体のつくりと運動,ものの温度と体積,もののあたたまり方,すがたを変える水",
        [("rika", 5)] = "天気の変化,植物の発芽と成長,メダカのたんじょう,台風と天気の変化,花から実へ,流れる水のはたらき,もののとけ方,ふりこのきまり,電磁石の性質,人のたんじょう",
        [("rika", 6)] = "ものの燃え方,人や動物の体,植物の養分と水の通り道,生き物どうしのかかわり,月の形と太陽,大地のつくり,変わり続ける大地,てこのはたらき,電気と私たちのくらし,水よう液の性質",
        [("rika", 7)] = "いろいろな生物とその共通点,植物の分類,動物の分類,身のまわりの物質,水溶液の性質,状態変化,光の性質,音の性質,力のはたらき,火山と地震,地層の重なりと過去の様子",
        [("rika", 8)] = "化学変化と原子・分子,化学変化と物質の質量,生物のからだのつくり,植物のからだのつくりとはたらき,動物のからだのつくりとはたらき,気象観測,天気の変化,日本の気象,電流の性質,電流と磁界",
        [("rika", 9)] = "化学変化とイオン,酸・アルカリと塩,生命の連続性,遺伝の規則性,運動とエネルギー,仕事とエネルギー,天体の動き,太陽系と恒星,自然と人間,科学技術と人間",
        [("shakai", 3)] = "学校のまわり,津山市のようす,農家の仕事,工場の仕事,店ではたらく人びとの仕事,火事からくらしを守る,事故や事件からくらしを守る,市のうつりかわり",
        [("shakai", 4)] = "岡山県の地図を広げて,住みよいくらしと水,ごみのしょりと利用,自然災害からくらしを守る,県内の伝統や文化,地域の発展につくした人々,特色ある地いき,岡山県と世界のつながり",
        [("shakai", 5)] = "世界の中の国土,国土の地形の特色,低い土地と高い土地のくらし,米づくりのさかんな地域,水産業のさかんな地域,これからの食料生産,自動車をつくる工業,情報産業とわたしたちのくらし,自然災害を防ぐ,森林とわたしたちのくらし",
        [("shakai", 6)] = "わたしたちのくらしと日本国憲法,国の政治のしくみ,縄文のむらから古墳のくにへ,天皇中心の国づくり,貴族のくらし,武士の世の中へ,戦国の世から天下統一へ,江戸幕府と政治の安定,明治の国づくり,長く続いた戦争と人々のくらし,日本とつながりの深い国々",
        [("shakai", 7)] = "世界の姿,日本の姿,世界各地の人々の生活と環境,アジア州,ヨーロッパ州,アフリカ州,北アメリカ州,南アメリカ州,オセアニア州,古代までの日本,中世の日本",
        [("shakai", 8)] = "地域調査の手法,日本の地域的特色,九州地方,中国・四国地方,近畿地方,中部地方,関東地方,東北地方,北海道地方,近世の日本,開国と近代日本の歩み",
        [("shakai", 9)] = "二度の世界大戦と日本,現代の日本と世界,現代社会と私たち,個人の尊重と日本国憲法,人権と共生社会,現代の民主政治,国の政治の仕組み,地方自治と私たち,消費生活と市場経済,財政と国民の福祉,国際社会の課題",
        [("eigo", 5)] = "自己紹介をしよう,誕生日を伝えよう,学校生活・教科,できることを紹介しよう,道案内をしよう,行ってみたい国や地域,料理の注文,あこがれの人を紹介しよう",
        [("eigo", 6)] = "自己紹介,日本の文化を紹介しよう,人物紹介,わたしたちのまち津山,夏休みの思い出,オリンピック・パラリンピック,小学校の思い出,中学校でがんばりたいこと",
        [("eigo", 7)] = "アルファベットと音,be動詞,一般動詞,複数形と数の表現,命令文,三人称単数現在形,代名詞,現在進行形,疑問詞,過去形,canの文",
        [("eigo", 8)] = "過去進行形,未来の表現,助動詞,不定詞,動名詞,接続詞,There is構文,比較,受け身,現在完了(経験)",
        [("eigo", 9)] = "現在完了(継続・完了),現在完了進行形,後置修飾,関係代名詞,間接疑問文,仮定法,原形不定詞,分詞の形容詞的用法",
    };

    private static readonly Dictionary<(string Subject, int Grade), IReadOnlyList<Unit>> UnitCache = BuildUnits();

    /// <summary>OneRoster JP grade code for a grade 1–9: P1…P6, J1…J3.</summary>
    public static string GradeCode(int grade) => grade <= 6
        ? string.Create(CultureInfo.InvariantCulture, $"P{grade}")
        : string.Create(CultureInfo.InvariantCulture, $"J{grade - 6}");

    /// <summary>The grade within its school (1–6 elementary, 1–3 junior high), as class titles show it.</summary>
    public static int LocalGrade(int grade) => grade <= 6 ? grade : grade - 6;

    public static IReadOnlyList<Subject> SubjectsFor(int grade) => grade switch
    {
        <= 2 => [Kokugo, Sansu],
        <= 4 => [Kokugo, Sansu, Rika, Shakai],
        <= 6 => [Kokugo, Sansu, Rika, Shakai, Eigo],
        _ => [Kokugo, Sugaku, Rika, Shakai, Eigo],
    };

    public static IReadOnlyList<Unit> UnitsFor(Subject subject, int grade) => UnitCache[(subject.Code, grade)];

    private static Dictionary<(string, int), IReadOnlyList<Unit>> BuildUnits()
    {
        var subjects = new[] { Kokugo, Sansu, Sugaku, Rika, Shakai, Eigo }.ToDictionary(s => s.Code);
        var units = new Dictionary<(string, int), IReadOnlyList<Unit>>();
        foreach (var ((code, grade), list) in Titles)
        {
            var subject = subjects[code];
            units[(code, grade)] = list.Split(',')
                .Select((title, i) =>
                {
                    var number = i + 1;
                    var iri = string.Create(CultureInfo.InvariantCulture, $"{ActivityRoot}/{code}/{GradeCode(grade).ToLowerInvariant()}/u{number:D2}");

                    // Exercises and difficulty are fixed properties of the unit, not of the seed: a stable hash of the IRI.
                    var h = StableHash(iri);
                    var exercises = 6 + (int)(h % 5);
                    var difficulty = ((((h >> 8) % 1000) / 1000.0) - 0.5) * 1.2;
                    return new Unit(subject, grade, number, title, iri, exercises, difficulty);
                })
                .ToList();
        }

        return units;
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
