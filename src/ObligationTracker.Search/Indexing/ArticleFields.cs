namespace ObligationTracker.Search.Indexing;

/// <summary>Field names of the article index. Text fields come in two analyses: jieba words and character bigrams (*_bi).</summary>
public static class ArticleFields
{
    /// <summary>Unique key of a document: file#article (file#attA.N for article N of attachment A; file#att.N where the
    /// attachment's number was not recorded).</summary>
    public const string Id = "id";

    /// <summary>The regulation id: its source file's name. Re-ingest deletes by this term.</summary>
    public const string Regulation = "regulation";

    /// <summary>What a document is: <see cref="KindArticle"/> or <see cref="KindProvision"/>.</summary>
    public const string Kind = "kind";

    public const string Title = "title";
    public const string TitleBigrams = "title_bi";
    /// <summary>The document number as written; stored only (queries match <see cref="DocumentNumberKey"/>).</summary>
    public const string DocumentNumber = "docnum";

    /// <summary>Normalised document-number keys (prefix|year|number and its suffixes) for exact 文号 matching.</summary>
    public const string DocumentNumberKey = "docnum_key";

    public const string Issuer = "issuer";
    public const string Issued = "issued";
    public const string Effective = "effective";

    /// <summary>Year of issue (else of effect), an Int32 field for year ranges.</summary>
    public const string Year = "year";

    public const string Status = "status";
    public const string Article = "article";

    /// <summary>The article number as an indexed term (body articles only), for queries that name it: 第二十八条.</summary>
    public const string ArticleNumber = "article_no";
    public const string Heading = "heading";
    public const string InAttachment = "attachment";

    /// <summary>Which attachment an article stands in (<see cref="Core.Structure.Article.Attachment"/>), stored only, for an
    /// attachment's article whose attachment is numbered: two attachments may each have a 第一条.</summary>
    public const string Attachment = "attachment_no";
    public const string Chapter = "chapter";
    public const string Text = "text";

    /// <summary>What an article is beside what it says, where ranking treats it apart (<see cref="ArticleRoles"/>): the purpose
    /// statement, a list, a time, a penalty, a definition, an actor.</summary>
    public const string Role = "role";

    /// <summary>The regulation's statement of purpose (为了规范…，制定本办法。): it restates the title, so it introduces no notion.</summary>
    public const string RolePurpose = "purpose";

    /// <summary>An article that lists: items （一）（二）… or a lead-in 下列情形 / 以下材料：.</summary>
    public const string RoleList = "list";

    /// <summary>An article that sets a time: a deadline or period (十五个工作日内, 之日起), or a frequency (每季度).</summary>
    public const string RoleTime = "time";

    /// <summary>An article that sanctions: a fine, a warning, an order to correct, a licence revoked (罚款, 责令改正, 吊销).</summary>
    public const string RolePenalty = "penalty";

    /// <summary>Of a sanctioning article, the numbers of the articles whose breach it sanctions (违反本规定第七条的 → 7).</summary>
    public const string Sanctions = "sanctions";

    /// <summary>An article that defines: 本办法所称…是指….</summary>
    public const string RoleDefinition = "definition";

    /// <summary>An article that names who acts: who decides, approves, supervises or is reported to (由…制定, …负责,
    /// 向…报告, 依法对…实施监督管理).</summary>
    public const string RoleActor = "actor";

    /// <summary>What an article's lists are lists of: the character pairs of the words after 下列 / 以下…： (下列客户 → 客户),
    /// see <see cref="ArticleRoles.Listed"/>.</summary>
    public const string Listed = "listed";

    /// <summary>The article's first sentence (to the first 。：；), which usually states its topic.</summary>
    public const string Lead = "lead";
    public const string TextBigrams = "text_bi";

    /// <summary>Institution types (canonical names) the article concerns.</summary>
    public const string InstitutionType = "type";

    /// <summary>Modalities of the obligations in the article (filled once obligations are indexed).</summary>
    public const string Modality = "modality";

    public const string KindArticle = "article";

    public const string KindProvision = "provision";

    /// <summary>A provision's words. Provisions have text fields of their own, so that article searches keep their
    /// statistics (document frequencies, average lengths) whether or not provisions are indexed beside them. Stored only
    /// where the provision does not stand in its article's text (else <see cref="ProvisionStart"/> locates it there).</summary>
    public const string ProvisionText = "p_text";

    public const string ProvisionTextBigrams = "p_text_bi";

    /// <summary>A provision's regulation title (words and bigrams), of its own so that article title statistics stay the articles'.</summary>
    public const string ProvisionTitle = "p_title";

    public const string ProvisionTitleBigrams = "p_title_bi";

    /// <summary>Where a provision starts in its article's stored text, and its length.</summary>
    public const string ProvisionStart = "p_start";

    public const string ProvisionLength = "p_length";

    /// <summary>A provision's deadline kind (absolute, relative, recurring, event, vague), indexed and stored.</summary>
    public const string DeadlineKind = "deadline";
}
