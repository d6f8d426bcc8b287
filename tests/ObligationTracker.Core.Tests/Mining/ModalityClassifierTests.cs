using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Rules;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class ModalityClassifierTests
{
    [Theory]
    [InlineData("甲公司应当建立制度。", Modality.Obligation)]
    [InlineData("甲公司应向监管部门报告。", Modality.Obligation)]
    [InlineData("甲公司必须保存记录。", Modality.Obligation)]
    [InlineData("甲公司不得挪用资金。", Modality.Prohibition)]
    [InlineData("甲公司不应当承诺收益。", Modality.Prohibition)]
    [InlineData("严禁甲公司开立虚假账户。", Modality.Prohibition)]
    [InlineData("甲公司可以委托第三方。", Modality.Permission)]
    [InlineData("甲公司可以不通知客户。", Modality.Permission)]
    [InlineData("监管部门有权要求甲公司整改。", Modality.Permission)]
    [InlineData("出现下列情形的，无需告知。", Modality.Permission)]
    [InlineData("客户资金只能用于约定用途。", Modality.Obligation)]
    [InlineData("甲公司要加强内部管理。", Modality.Obligation)]
    public void Classify_Marker_GivesItsModality(string unit, Modality expected)
    {
        Assert.Equal(expected, ModalityClassifier.Classify(unit));
    }

    [Theory]
    [InlineData("甲公司建立相应的应急机制，推动数据应用。")]
    [InlineData("供应商可能产生风险，确保系统可靠、可追溯。")]
    [InlineData("取得经营许可证后开展业务。")]
    [InlineData("因不可抗力导致服务中断。")]
    [InlineData("其他应当中止的情形。")]
    [InlineData("客户可以购买的产品。")]
    [InlineData("依照《禁止传销条例》处理。")]
    [InlineData("董事会承担最终责任，合规部门负责日常管理。")]
    [InlineData("这是重要的主要要求。")]
    [InlineData("诱使客户进行不必要的交易；")]
    public void Classify_MarkerInsideAnotherWordOrAttributive_IsNone(string unit)
    {
        Assert.Equal(Modality.None, ModalityClassifier.Classify(unit));
    }

    [Fact]
    public void Classify_MarkerInsideCondition_UsesThePredicatesMarker()
    {
        Assert.Equal(Modality.Prohibition, ModalityClassifier.Classify("需要变更账户的，甲公司不得擅自办理。"));
    }

    [Fact]
    public void Classify_FirstGoverningMarker_Wins()
    {
        Assert.Equal(Modality.Prohibition, ModalityClassifier.Classify("甲公司不得降低标准，应当审慎评估。"));
    }
}
