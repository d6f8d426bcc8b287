using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Scheduling.Notifiers;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

public sealed class ReminderDeliveryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(TestData.ChinaMorning(new DateOnly(2026, 3, 24)));
    private readonly StoreSettings _settings;

    public ReminderDeliveryTests() => _settings = TestData.Sqlite(_folder.Path);

    /// <summary>Seeds <paramref name="count"/> obligations due 31 Mar 2026 and runs the scan of 24 Mar (their 7-day reminders).</summary>
    private void Enqueue(int count, ReminderSettings settings)
    {
        TestData.Seed(_settings, _clock, new DateOnly(2026, 1, 1), Enumerable.Range(0, count).Select(_ => (Deadline?)Deadline.Absolute(new DateOnly(2026, 3, 31))).ToArray());
        using var store = RegulationStore.Open(_settings, _clock);
        using var reminders = ReminderStore.Open(_settings, _clock);
        Assert.Equal(count * settings.Channels.Count, new ReminderScanner(store, reminders, new DueDateCalculator(HolidayCalendar.Default), settings, _clock).Run().Enqueued);
    }

    [Fact]
    public async Task Deliver_Webhook_PostsJsonWithIdempotencyKeyAndMarksSent()
    {
        using var receiver = new WebhookReceiver();
        using var http = new HttpClient();
        var settings = new ReminderSettings { Log = false, WebhookUrl = receiver.Url, Node = "n1" };
        Enqueue(3, settings);
        using var store = ReminderStore.Open(_settings, _clock);

        var result = await new ReminderDispatcher(store, [new WebhookNotifier(http, receiver.Url)], settings).DeliverAsync(100, CancellationToken.None);

        Assert.Equal(3, result.Sent);
        var keys = store.List(ReminderState.Sent).Select(r => r.Reminder.IdempotencyKey).Order().ToList();
        Assert.Equal(keys, receiver.Received.Select(r => r.Key).Order());
        Assert.Contains("\"dueDate\":\"2026-03-31\"", receiver.Received.First().Body);
        Assert.Contains("测试城商行", receiver.Received.First().Body);
    }

    [Fact]
    public async Task Deliver_WebhookRefuses_ReleasedAndSentOnALaterRound()
    {
        using var receiver = new WebhookReceiver(failFirst: 1);
        using var http = new HttpClient();
        var settings = new ReminderSettings { Log = false, WebhookUrl = receiver.Url, Node = "n1" };
        Enqueue(1, settings);
        using var store = ReminderStore.Open(_settings, _clock);
        var dispatcher = new ReminderDispatcher(store, [new WebhookNotifier(http, receiver.Url)], settings);

        var first = await dispatcher.DeliverAsync(100, CancellationToken.None);
        var tooSoon = await dispatcher.DeliverAsync(100, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var later = await dispatcher.DeliverAsync(100, CancellationToken.None);

        Assert.Equal((1, 0), (first.Failed, first.Sent));
        Assert.Equal(0, tooSoon.Claimed);
        Assert.Equal(1, later.Sent);
        var row = Assert.Single(store.List());
        Assert.Equal((ReminderState.Sent, 2), (row.State, row.Attempts));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public void Claim_SenderDiesAfterClaiming_AnotherTakesItOverOnceTheLeaseEnds()
    {
        var settings = new ReminderSettings { Log = true };
        Enqueue(1, settings);
        using var a = ReminderStore.Open(_settings, _clock);
        using var b = ReminderStore.Open(_settings, _clock);

        var claimedByA = Assert.Single(a.Claim("a", TimeSpan.FromMinutes(5), 10));
        Assert.Empty(b.Claim("b", TimeSpan.FromMinutes(5), 10));
        _clock.Advance(TimeSpan.FromMinutes(6));
        var claimedByB = Assert.Single(b.Claim("b", TimeSpan.FromMinutes(5), 10));

        Assert.True(b.MarkSent(claimedByB));
        Assert.False(a.MarkSent(claimedByA)); // A's claim was taken over: its late mark changes nothing
        Assert.Equal(("b", 2), (b.Get(claimedByB.Id)!.ClaimedBy, b.Get(claimedByB.Id)!.Attempts));
    }

    [Fact]
    public async Task Deliver_TwoSendersAtOnce_EachReminderSentOnce()
    {
        using var receiver = new WebhookReceiver();
        using var http = new HttpClient();
        var settings = new ReminderSettings { Log = false, WebhookUrl = receiver.Url };
        Enqueue(60, settings);

        async Task<DeliveryResult> Sender(string node)
        {
            using var store = ReminderStore.Open(_settings, _clock);
            return await new ReminderDispatcher(store, [new WebhookNotifier(http, receiver.Url)], settings with { Node = node }).DeliverAsync(1000, CancellationToken.None);
        }

        var results = await Task.WhenAll(Task.Run(() => Sender("a")), Task.Run(() => Sender("b")));

        Assert.Equal(60, results.Sum(r => r.Sent));
        Assert.Equal(60, receiver.Received.Count);
        Assert.Equal(60, receiver.Received.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task SmtpNotifier_LoopbackServer_ReceivesMessageWithKeyAsMessageId()
    {
        using var smtp = new LoopbackSmtpServer();
        var settings = new ReminderSettings { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpFrom = "ot@test.local", SmtpTo = "compliance@test.local" };
        var reminder = new Reminder(1, TestData.Bank, 2, "test.md#1.1", "测试报送办法", "测〔2026〕1号", 1, "商业银行应当按期报送第1项测试报告。",
            new DateOnly(2026, 3, 31), "于2026-03-31前", 7, false, null, "email");

        await new SmtpNotifier(settings).SendAsync(reminder, CancellationToken.None);

        var (from, to, data) = Assert.Single(smtp.Messages);
        Assert.Equal(("<ot@test.local>", "<compliance@test.local>"), (from, to));
        Assert.Contains("Message-Id: <1.2.2026-03-31.7.email@obligation-tracker>", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-OT-Idempotency-Key: 1:2:2026-03-31:7:email", data);
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));
        Assert.Equal(reminder.Subject, message.Subject);
        Assert.Contains("到期日: 2026-03-31", message.TextBody);
    }

    public void Dispose() => _folder.Dispose();
}
