using ObligationTracker.Core.Mining.Rules;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class NonNormativeFilterTests
{
    [Theory]
    [InlineData("本办法所称数据，是指应当保护的信息。")]
    [InlineData("为规范业务，根据有关法律，制定本办法。")]
    [InlineData("本办法自2030年1月1日起施行。")]
    [InlineData("本办法适用于信托公司。")]
    [InlineData("其他金融机构参照本办法执行。")]
    [InlineData("国家有关部门另有规定的，应当依法遵守其规定。")]
    public void IsExcluded_DefinitionPurposeEntryScope_True(string unit)
    {
        Assert.True(NonNormativeFilter.IsExcluded(unit));
    }

    [Theory]
    [InlineData("甲公司应当遵守本办法规定的报告要求，并于每年报告。")]
    [InlineData("甲公司可参照本节内容进行管理。")]
    [InlineData("不符合本办法规定的，应当在过渡期内完成整改。")]
    public void IsExcluded_NormativeUnit_False(string unit)
    {
        Assert.False(NonNormativeFilter.IsExcluded(unit));
    }

    [Theory]
    [InlineData("为规范业务，根据有关法律，制定本办法。")]
    [InlineData("为了规范证券发行和交易行为，保护投资者的合法权益，制定本法。")]
    [InlineData("根据《中华人民共和国中国人民银行法》，制定本规定。")]
    public void IsPurposeStatement_WhatTheRegulationIsMadeFor_True(string unit)
    {
        Assert.True(NonNormativeFilter.IsPurposeStatement(unit));
    }

    [Theory]
    [InlineData("为保护客户资金安全，支付机构应当开立集中存管账户。")]
    [InlineData("商业银行应当根据本办法制定内部管理制度。")]
    public void IsPurposeStatement_ARule_False(string unit)
    {
        Assert.False(NonNormativeFilter.IsPurposeStatement(unit));
    }
}
