using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class ArticleRolesTests
{
    [Theory]
    [InlineData("申请人应当提交下列材料：（一）申请书；（二）营业执照。")]
    [InlineData("有以下情形之一的：不予受理。")]
    [InlineData("机构应当履行下列职责：")]
    public void Of_ArticleThatLists_IsAList(string text)
    {
        Assert.Contains(ArticleFields.RoleList, ArticleRoles.Of(text));
    }

    [Theory]
    [InlineData("处五万元以下罚款。")] // 以下 of an amount
    [InlineData("违反本办法第十条第（一）项规定的，责令改正。")] // an item cited
    [InlineData("中国人民银行（以下简称人民银行）：各分支机构应当执行。")] // a short name given
    [InlineData("机构应当建立内部控制制度。")]
    public void Of_ArticleWithoutItems_IsNoList(string text)
    {
        Assert.DoesNotContain(ArticleFields.RoleList, ArticleRoles.Of(text));
    }

    [Theory]
    [InlineData("应当在交易发生后的5个工作日内提交报告。")]
    [InlineData("自收到申请之日起二十日内作出决定。")]
    [InlineData("每季度结束后报送统计数据。")]
    [InlineData("应当于三个月前告知客户。")]
    [InlineData("全球系统重要性银行应当自2025年1月1日起披露相关信息。")] // a date it starts from
    [InlineData("应当在2024年12月31日前完成整改。")]
    [InlineData("客户身份资料应当至少保存5年。")] // a duration: how long to keep
    [InlineData("授信期限最长不超过三年。")]
    public void Of_ArticleSettingATime_SetsTime(string text)
    {
        Assert.Contains(ArticleFields.RoleTime, ArticleRoles.Of(text));
    }

    [Theory]
    [InlineData("违反本办法规定的，处五万元以下罚款。")]
    [InlineData("未按规定报送的，由人民银行责令限期改正，给予警告。")]
    [InlineData("情节严重的，吊销其经营许可证。")]
    [InlineData("对直接负责的主管人员依法给予处分。")]
    public void Of_ArticleThatSanctions_IsAPenalty(string text)
    {
        Assert.Contains(ArticleFields.RolePenalty, ArticleRoles.Of(text));
    }

    [Theory]
    [InlineData("支付机构应当建立健全风险管理制度。")]
    [InlineData("申请人可以依法申请行政复议。")]
    public void Of_ArticleWithoutSanction_IsNoPenalty(string text)
    {
        Assert.DoesNotContain(ArticleFields.RolePenalty, ArticleRoles.Of(text));
    }

    [Theory]
    [InlineData("本办法所称预付卡，是指发卡机构以特定载体和形式发行的预付价值。", true)]
    [InlineData("受益所有人是指最终拥有或者实际控制法人的自然人。", true)]
    [InlineData("发卡机构应当建立预付卡业务风险管理制度并定期检查核对客户身份，不得以任何理由发行超过本办法所称限额的预付卡。", false)] // 所称 far into a rule
    [InlineData("支付机构不得挪用客户备付金。", false)]
    public void Of_ArticleThatDefines_IsADefinition(string text, bool defines)
    {
        Assert.Equal(defines, ArticleRoles.Of(text).Contains(ArticleFields.RoleDefinition));
    }

    [Fact]
    public void Of_PurposeStatement_IsOnlyThat()
    {
        Assert.Equal([ArticleFields.RolePurpose], ArticleRoles.Of("为了规范支付业务，根据有关法律，制定本办法。"));
    }

    [Fact]
    public void Of_PlainRule_HasNoRole()
    {
        Assert.Empty(ArticleRoles.Of("支付机构不得挪用客户备付金。"));
    }

    [Theory]
    [InlineData("储蓄存款利率由中国人民银行拟订，经国务院批准后公布。")] // who decides
    [InlineData("发现问题的，应当及时向银保监会报告。")] // to whom one reports
    [InlineData("中国人民银行依法对征信业进行监督管理。")] // who supervises
    [InlineData("监事会主席负责监事会的日常工作。")]
    public void Of_ArticleNamingWhoActs_IsAnActor(string text)
    {
        Assert.Contains(ArticleFields.RoleActor, ArticleRoles.Of(text));
    }

    [Theory]
    [InlineData("对下列客户及其交易采取强化尽职调查措施：（一）…", "客户")]
    [InlineData("申请行应提交下列资料：（一）申请书；", "材料")] // 资料 folded to 材料
    [InlineData("有下列情况之一的，不予受理：", "情形")]
    [InlineData("应当报送以下报表：（一）…", "报表")]
    public void Listed_ListLeadIn_NamesWhatItLists(string text, string noun)
    {
        Assert.Contains(noun, ArticleRoles.Listed(text));
    }

    [Theory]
    [InlineData("处五万元以下罚款。")] // 以下 of an amount
    [InlineData("中国人民银行（以下简称人民银行）负责监督。")]
    [InlineData("机构应当建立内部控制制度。")]
    public void Listed_TextWithoutListLeadIn_NamesNothing(string text)
    {
        Assert.Empty(ArticleRoles.Listed(text));
    }
}
