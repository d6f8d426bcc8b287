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
        Assert.Equal((ReminderState.Sent, 2, false), (row.State, row.Attempts, row.InDoubt)); // a 503 is a refusal: nothing in doubt
        Assert.False(Assert.Single(receiver.Received).Redelivery);
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

        Assert.True(b.BeginSend(claimedByB, TimeSpan.FromMinutes(5)));
        Assert.False(a.BeginSend(claimedByA, TimeSpan.FromMinutes(5))); // A's claim was taken over: it may not send
        Assert.True(b.MarkSent(claimedByB));
        Assert.False(a.MarkSent(claimedByA)); // nor can its late mark change anything
        var row = b.Get(claimedByB.Id)!;
        Assert.Equal(("b", 2, false), (row.ClaimedBy, row.Attempts, row.InDoubt)); // never handed to a channel before: not in doubt
    }

    [Fact]
    public void BeginSend_LeaseRanOutBeforeSending_RefusedEvenIfNobodyClaimedIt()
    {
        Enqueue(1, new ReminderSettings { Log = true });
        using var store = ReminderStore.Open(_settings, _clock);
        var claimed = Assert.Single(store.Claim("a", TimeSpan.FromMinutes(5), 10));

        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.False(store.BeginSend(claimed, TimeSpan.FromMinutes(5)));
        Assert.Equal(ReminderState.Claimed, store.Get(claimed.Id)!.State);
    }

    [Fact]
    public async Task Deliver_SenderDiedDuringSend_ResentOnceUnderTheSameKeyFlaggedAsRedelivery()
    {
        using var receiver = new WebhookReceiver();
        using var http = new HttpClient();
        var settings = new ReminderSettings { Log = false, WebhookUrl = receiver.Url, Node = "b" };
        Enqueue(2, settings);
        using var store = ReminderStore.Open(_settings, _clock);
        var claimed = store.Claim("a", TimeSpan.FromMinutes(5), 10);
        Assert.True(store.BeginSend(claimed[0], TimeSpan.FromMinutes(5))); // "a" handed the first to the webhook, then died
        _clock.Advance(TimeSpan.FromMinutes(6));

        var result = await new ReminderDispatcher(store, [new WebhookNotifier(http, receiver.Url)], settings).DeliverAsync(100, CancellationToken.None);

        Assert.Equal(2, result.Sent);
        var byKey = receiver.Received.ToDictionary(r => r.Key, r => r.Redelivery);
        Assert.True(byKey[claimed[0].Reminder.IdempotencyKey]);  // may have reached the receiver before: flagged
        Assert.False(byKey[claimed[1].Reminder.IdempotencyKey]); // claimed but never handed over: a first delivery
        Assert.Equal([true, false], store.List(ReminderState.Sent).Select(r => r.InDoubt));
    }

    [Fact]
    public async Task Deliver_WebhookTimesOut_RetriedLaterAsRedelivery()
    {
        using var slow = new WebhookReceiver(delay: TimeSpan.FromSeconds(3));
        using var http = new HttpClient();
        var settings = new ReminderSettings { Log = false, WebhookUrl = slow.Url, Node = "a", Lease = TimeSpan.FromSeconds(1) };
        Enqueue(1, settings);
        using var store = ReminderStore.Open(_settings, _clock);

        var first = await new ReminderDispatcher(store, [new WebhookNotifier(http, slow.Url)], settings).DeliverAsync(100, CancellationToken.None);

        Assert.Equal((1, 0), (first.Failed, first.Sent)); // abandoned after half the lease: the receiver may still take it
        var row = Assert.Single(store.List(ReminderState.Pending));
        Assert.True(row.InDoubt);
        using var receiver = new WebhookReceiver();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var later = await new ReminderDispatcher(store, [new WebhookNotifier(http, receiver.Url)], settings).DeliverAsync(100, CancellationToken.None);
        Assert.Equal(1, later.Sent);
        Assert.True(Assert.Single(receiver.Received).Redelivery);
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

        await new SmtpNotifier(settings).SendAsync(reminder, redelivery: false, CancellationToken.None);

        var (from, to, data) = Assert.Single(smtp.Messages);
        Assert.Equal(("<ot@test.local>", "<compliance@test.local>"), (from, to));
        Assert.Contains("Message-Id: <1.2.2026-03-31.7.email@obligation-tracker>", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-OT-Idempotency-Key: 1:2:2026-03-31:7:email", data);
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));
        Assert.Equal(reminder.Subject, message.Subject);
        Assert.Contains("到期日: 2026-03-31", message.TextBody);
    }

    [Fact]
    public async Task Deliver_EmailBatch_SendsEveryReminderOverOneConnection()
    {
        using var smtp = new LoopbackSmtpServer();
        var settings = new ReminderSettings { Log = false, SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpFrom = "ot@test.local", SmtpTo = "compliance@test.local", Node = "n1" };
        Enqueue(5, settings);
        using var store = ReminderStore.Open(_settings, _clock);

        var result = await new ReminderDispatcher(store, [new SmtpNotifier(settings)], settings).DeliverAsync(100, CancellationToken.None);

        Assert.Equal(5, result.Sent);
        Assert.Equal(5, smtp.Messages.Count);
        Assert.Equal(1, smtp.Connections);
        Assert.Equal(5, store.List(ReminderState.Sent).Count);
    }

    [Fact]
    public async Task Deliver_ServerDropsTheConnectionAfterEachMessage_ReconnectsAndSendsEachOnceNotInDoubt()
    {
        using var smtp = new LoopbackSmtpServer(dropAfterMessages: 1);
        var settings = new ReminderSettings { Log = false, SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpFrom = "ot@test.local", SmtpTo = "compliance@test.local", Node = "n1" };
        Enqueue(3, settings);
        using var store = ReminderStore.Open(_settings, _clock);

        var result = await new ReminderDispatcher(store, [new SmtpNotifier(settings)], settings).DeliverAsync(100, CancellationToken.None);

        Assert.Equal((3, 0), (result.Sent, result.Failed));
        Assert.Equal(3, smtp.Connections);
        var keys = smtp.Messages.Select(m => m.Data.Split("\r\n").Single(l => l.StartsWith("X-OT-Idempotency-Key:", StringComparison.Ordinal))).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.DoesNotContain(smtp.Messages, m => m.Data.Contains("X-OT-Redelivery", StringComparison.Ordinal));
        Assert.All(store.List(), r => Assert.Equal((ReminderState.Sent, 1, false), (r.State, r.Attempts, r.InDoubt)));
    }

    public void Dispose() => _folder.Dispose();
}
