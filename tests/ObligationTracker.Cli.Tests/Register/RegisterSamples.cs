namespace ObligationTracker.Cli.Tests.Register;

/// <summary>A small regulation and its revision, written for these tests.</summary>
internal static class RegisterSamples
{
    public const string Title = "消费金融公司合规管理试行办法";
    public const string Institution = "甲消费金融公司";

    public const string Version1 = """
        消费金融公司合规管理试行办法
        第一章 总则
        第一条 为规范消费金融公司合规管理，制定本办法。
        第二条 本办法适用于消费金融公司。
        第二章 合规管理
        第三条 消费金融公司应当建立健全合规管理制度，并定期评估其有效性。
        第四条 消费金融公司应当于每年4月30日前向监管机构报送上一年度合规管理报告。
        第五条 消费金融公司应当设立独立的合规管理部门。
        第六条 金融机构应当妥善保存客户资料。
        第七条 消费金融公司不得向未成年人发放贷款。
        第三章 附则
        第八条 本办法自2026年1月1日起施行。
        """;

    /// <summary>Article 3 new, old 3 moved to 4, old 4 reworded (now 5), old 5 dropped.</summary>
    public const string Version2 = """
        消费金融公司合规管理办法
        第一章 总则
        第一条 为规范消费金融公司合规管理，制定本办法。
        第二条 本办法适用于消费金融公司。
        第二章 合规管理
        第三条 消费金融公司应当建立数据安全事件应急预案，并每年至少演练一次。
        第四条 消费金融公司应当建立健全合规管理制度，并定期评估其有效性。
        第五条 消费金融公司应当于每年3月31日前向监管机构报送上一年度合规管理工作报告。
        第六条 金融机构应当妥善保存客户资料。
        第七条 消费金融公司不得向未成年人发放贷款。
        第三章 附则
        第八条 本办法自2026年1月1日起施行。
        """;
}
