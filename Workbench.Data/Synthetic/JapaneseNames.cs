namespace Workbench.Data.Synthetic;

/// <summary>A name in kanji with its reading in full-width katakana (フリガナ), as rosters carry it.</summary>
internal readonly record struct KanaName(string Kanji, string Kana);

/// <summary>
/// Name lists for synthetic people: common family names of 岡山県 with some typical of 美作 (有元, 植月, 江見, 小坂田…),
/// and given names popular for children born 2007–2019 and for adults of teaching age. Earlier entries are drawn more
/// often (a Zipf-like weight), as real name frequencies fall off.
/// </summary>
internal static class JapaneseNames
{
    public static readonly KanaName[] FamilyNames = Parse("""
        山本 ヤマモト,藤原 フジワラ,三宅 ミヤケ,小林 コバヤシ,岡本 オカモト,田中 タナカ,佐藤 サトウ,藤井 フジイ,井上 イノウエ,高橋 タカハシ,
        山田 ヤマダ,中村 ナカムラ,森 モリ,難波 ナンバ,松本 マツモト,原田 ハラダ,小野 オノ,池田 イケダ,山下 ヤマシタ,石井 イシイ,
        清水 シミズ,岡田 オカダ,渡辺 ワタナベ,橋本 ハシモト,近藤 コンドウ,木村 キムラ,福田 フクダ,有元 アリモト,植月 ウエツキ,江見 エミ,
        光岡 ミツオカ,森本 モリモト,河本 カワモト,竹内 タケウチ,長尾 ナガオ,妹尾 セノオ,赤木 アカギ,片山 カタヤマ,守屋 モリヤ,黒田 クロダ,
        安東 アンドウ,仁木 ニキ,福島 フクシマ,西村 ニシムラ,大森 オオモリ,杉山 スギヤマ,岡崎 オカザキ,坂本 サカモト,吉田 ヨシダ,山口 ヤマグチ,
        加藤 カトウ,伊藤 イトウ,鈴木 スズキ,中島 ナカシマ,前田 マエダ,藤田 フジタ,後藤 ゴトウ,村上 ムラカミ,石田 イシダ,上田 ウエダ,
        内田 ウチダ,大塚 オオツカ,野村 ノムラ,宮本 ミヤモト,金田 カネダ,平田 ヒラタ,横山 ヨコヤマ,谷口 タニグチ,浅野 アサノ,青木 アオキ,
        田村 タムラ,高原 タカハラ,三浦 ミウラ,大石 オオイシ,草地 クサジ,立石 タテイシ,小坂田 オサカダ,牧 マキ,日笠 ヒカサ,万代 マンダイ,
        野口 ノグチ,久山 クヤマ,水島 ミズシマ,丸山 マルヤマ,芦田 アシダ,武田 タケダ,岸本 キシモト,松田 マツダ,大西 オオニシ,北村 キタムラ,
        今井 イマイ,石原 イシハラ,岩本 イワモト,広畑 ヒロハタ,定本 サダモト,春名 ハルナ,矢吹 ヤブキ,小椋 オグラ,須江 スエ,土居 ドイ,
        影山 カゲヤマ,秋山 アキヤマ,美甘 ミカモ,日下 クサカ
        """);

    public static readonly KanaName[] BoyNames = Parse("""
        蓮 レン,陽翔 ハルト,湊 ミナト,悠真 ユウマ,大翔 ヒロト,樹 イツキ,蒼 アオイ,悠人 ユウト,朝陽 アサヒ,陽向 ヒナタ,
        颯真 ソウマ,大和 ヤマト,陸 リク,結翔 ユイト,悠斗 ユウト,奏太 ソウタ,律 リツ,蒼空 ソラ,陽太 ヨウタ,颯太 ソウタ,
        新 アラタ,伊織 イオリ,碧 アオイ,晴 ハル,翔太 ショウタ,拓海 タクミ,健太 ケンタ,優斗 ユウト,蒼真 ソウマ,海斗 カイト,
        翔 ショウ,大輝 ダイキ,陽斗 ハルト,悠 ユウ,颯 ハヤテ,優太 ユウタ,瑛太 エイタ,一翔 カズト,凌 リョウ,匠 タクミ,
        晴翔 ハルト,琉生 ルイ,陽 ヨウ,結人 ユイト,智也 トモヤ,航 ワタル,遥斗 ハルト,瑛斗 エイト,湊人 ミナト,直樹 ナオキ,
        大地 ダイチ,壮真 ソウマ,康介 コウスケ,亮 リョウ,俊介 シュンスケ,晃 アキラ,一颯 イブキ,雄大 ユウダイ,優真 ユウマ,和真 カズマ,
        龍之介 リュウノスケ,蒼介 ソウスケ,耕太 コウタ,光 ヒカル,海翔 カイト,空 ソラ,大雅 タイガ,颯人 ハヤト,隼 シュン,陸斗 リクト,
        慶 ケイ,歩夢 アユム,怜 レイ,快 カイ,蒼大 ソウタ,聡太 ソウタ,圭佑 ケイスケ,翼 ツバサ,祐希 ユウキ,陽介 ヨウスケ,
        勇気 ユウキ,凛太郎 リンタロウ,健 ケン,侑真 ユウマ,柊 シュウ,玲央 レオ,瑞樹 ミズキ,朔 サク,旭 アサヒ,拓真 タクマ,
        和樹 カズキ,秀斗 シュウト,将太 ショウタ,啓太 ケイタ,晴人 ハルト,幸太郎 コウタロウ,涼太 リョウタ,大空 ソラ,誠 マコト,宗一郎 ソウイチロウ
        """);

    public static readonly KanaName[] GirlNames = Parse("""
        陽葵 ヒマリ,凛 リン,芽依 メイ,結菜 ユイナ,葵 アオイ,紬 ツムギ,莉子 リコ,澪 ミオ,結衣 ユイ,さくら サクラ,
        美桜 ミオ,陽菜 ヒナ,結愛 ユア,杏 アン,心春 コハル,咲良 サクラ,彩葉 イロハ,芽生 メイ,花 ハナ,美結 ミユ,
        琴音 コトネ,結月 ユヅキ,詩 ウタ,一花 イチカ,心結 ミユ,凪 ナギ,楓 カエデ,杏奈 アンナ,日葵 ヒマリ,蘭 ラン,
        千尋 チヒロ,美月 ミヅキ,優奈 ユウナ,愛莉 アイリ,紗希 サキ,遥 ハルカ,彩花 アヤカ,七海 ナナミ,真央 マオ,美咲 ミサキ,
        ひなた ヒナタ,由奈 ユナ,菜々子 ナナコ,莉央 リオ,柚葉 ユズハ,栞 シオリ,萌 モエ,千夏 チナツ,彩乃 アヤノ,瑞希 ミズキ,
        愛菜 マナ,心愛 ココア,花音 カノン,美羽 ミウ,真由 マユ,柚希 ユズキ,乃愛 ノア,百花 モモカ,葉月 ハヅキ,小春 コハル,
        春香 ハルカ,明日香 アスカ,舞 マイ,桜子 サクラコ,夏希 ナツキ,里奈 リナ,優花 ユウカ,亜美 アミ,知佳 チカ,奈央 ナオ,
        麻衣 マイ,友里 ユリ,晴香 ハルカ,和花 ノドカ,杏樹 アンジュ,結子 ユイコ,美優 ミユ,沙羅 サラ,梨花 リンカ,唯 ユイ,
        玲奈 レナ,彩 アヤ,実優 ミユ,穂乃花 ホノカ,心 ココロ,優月 ユヅキ,愛 アイ,茉莉 マリ,菫 スミレ,朱里 アカリ,
        灯 アカリ,美空 ミソラ,日和 ヒヨリ,芽衣 メイ,琴葉 コトハ,風花 フウカ,胡桃 クルミ,希 ノゾミ,若菜 ワカナ,文香 フミカ
        """);

    public static readonly KanaName[] MenNames = Parse("""
        健一 ケンイチ,誠 マコト,大輔 ダイスケ,拓也 タクヤ,直樹 ナオキ,和也 カズヤ,浩二 コウジ,修 オサム,剛 ツヨシ,隆 タカシ,
        聡 サトシ,哲也 テツヤ,達也 タツヤ,健太 ケンタ,翔太 ショウタ,亮 リョウ,雄一 ユウイチ,秀樹 ヒデキ,康弘 ヤスヒロ,英明 ヒデアキ,
        洋平 ヨウヘイ,慎也 シンヤ,智之 トモユキ,裕介 ユウスケ,正樹 マサキ
        """);

    public static readonly KanaName[] WomenNames = Parse("""
        裕子 ユウコ,恵 メグミ,久美子 クミコ,真由美 マユミ,美穂 ミホ,香織 カオリ,直美 ナオミ,智子 トモコ,由美 ユミ,陽子 ヨウコ,
        麻衣 マイ,彩 アヤ,美咲 ミサキ,愛 アイ,奈々 ナナ,千春 チハル,明美 アケミ,律子 リツコ,典子 ノリコ,理恵 リエ,
        沙織 サオリ,由佳 ユカ,純子 ジュンコ,亜希子 アキコ,瞳 ヒトミ
        """);

    private static readonly double[] FamilyWeights = ZipfCumulative(FamilyNames.Length, 8);
    private static readonly double[] BoyWeights = ZipfCumulative(BoyNames.Length, 12);
    private static readonly double[] GirlWeights = ZipfCumulative(GirlNames.Length, 12);
    private static readonly double[] MenWeights = ZipfCumulative(MenNames.Length, 6);
    private static readonly double[] WomenWeights = ZipfCumulative(WomenNames.Length, 6);

    public static KanaName Family(Random random) => FamilyNames[random.PickCumulative(FamilyWeights)];

    public static KanaName Child(Random random, bool male) =>
        male ? BoyNames[random.PickCumulative(BoyWeights)] : GirlNames[random.PickCumulative(GirlWeights)];

    public static KanaName Adult(Random random, bool male) =>
        male ? MenNames[random.PickCumulative(MenWeights)] : WomenNames[random.PickCumulative(WomenWeights)];

    private static double[] ZipfCumulative(int count, double offset) =>
        RandomExtensions.Cumulative(Enumerable.Range(0, count).Select(i => 1.0 / (i + offset)));

    private static KanaName[] Parse(string list) =>
        list.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry =>
            {
                var parts = entry.Split(' ');
                return new KanaName(parts[0], parts[1]);
            })
            .ToArray();
}
