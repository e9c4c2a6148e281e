// Issue 20 on screen: the Alerts page (current alerts, history, maintenance silences) and its
// dialogs (acknowledge, silence, rules), driven through their public API as the console wires them.
#include "ackdialog.h"
#include "alertlistmodel.h"
#include "alertoverridedialog.h"
#include "alertrulesdialog.h"
#include "alertsview.h"
#include "i18n/translations.h"
#include "silencedialog.h"
#include "silencelistmodel.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QUuid>
#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;
using prego::Alert;
using prego::AlertRule;
using prego::AlertState;
using prego::AlertsView;
using prego::SilenceDialog;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

Alert alert(const QString &node, AlertRule rule, AlertState state, qint64 sinceMs)
{
    Alert a;
    a.nodeId = node;
    a.region = node.left(4);
    a.rule = rule;
    a.state = state;
    a.value = 93;
    a.sinceMs = sinceMs;
    return a;
}

prego::Silence silence(const QString &id, qint64 starts, qint64 ends)
{
    prego::Silence s;
    s.silenceId = id;
    s.nodeIds = {u"fsn1-a"_s};
    s.startsAtMs = starts;
    s.endsAtMs = ends;
    s.reason = u"kernel upgrade"_s;
    s.createdBy = u"bob-laptop"_s;
    s.createdAtMs = starts;
    return s;
}

// Selects the rows of these alerts (by key) in the page's table.
void selectAlerts(AlertsView &view, const QStringList &keys)
{
    QTableView *table = view.alertTable();
    table->clearSelection();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (keys.contains(index.data(prego::AlertListModel::KeyRole).toString())) {
            table->selectionModel()->select(index, QItemSelectionModel::Select |
                                                       QItemSelectionModel::Rows);
        }
    }
}

QStringList column(const QTableView *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        texts.append(table->model()->index(row, column).data().toString());
    return texts;
}

void installKorean()
{
    prego::Translations::install(QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCoreApplication::processEvents();
}

void installEnglish()
{
    prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::processEvents();
}

} // namespace

TEST(AlertsView, ListsFiringFirstAndAcknowledgesTheSelectedUnacknowledgedAlerts)
{
    AlertsView view;
    view.resize(900, 500);
    view.show();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    view.showAlerts({}, now);
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Current), u"No alerts firing or pending."_s);

    const Alert pending = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Pending, now - Minute);
    const Alert firing = alert(u"nbg1-b"_s, AlertRule::Disk, AlertState::Firing, now - Hour);
    Alert acked = alert(u"hel1-c"_s, AlertRule::Memory, AlertState::Firing, now - Hour);
    acked.ack = prego::AlertAck{u"alice"_s, now - Minute, u"on it"_s};
    view.showAlerts({pending, firing, acked}, now);
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Current), QString());
    const QStringList states = column(view.alertTable(), prego::AlertListModel::StateColumn);
    EXPECT_EQ(states, (QStringList{u"Firing"_s, u"Firing"_s, u"Pending"_s}));

    // Nothing selected, or only an acknowledged alert: nothing to acknowledge.
    EXPECT_FALSE(view.acknowledgeButton()->isEnabled());
    selectAlerts(view, {acked.key()});
    EXPECT_FALSE(view.acknowledgeButton()->isEnabled());
    selectAlerts(view, {acked.key(), pending.key(), firing.key()});
    ASSERT_TRUE(view.acknowledgeButton()->isEnabled());

    QStringList keys;
    QString comment;
    QObject::connect(&view, &AlertsView::acknowledgeRequested,
                     [&](const QStringList &k, const QString &c) {
                         keys = k;
                         comment = c;
                     });
    view.acknowledgeButton()->click();
    prego::AckDialog *dialog = view.ackDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->keys(), (QStringList{firing.key(), pending.key()}))
        << "only the unacknowledged ones, in the table's order";
    dialog->setComment(u"  carol: replacing the disk  "_s);
    dialog->accept();
    EXPECT_EQ(keys, (QStringList{firing.key(), pending.key()}));
    EXPECT_EQ(comment, u"carol: replacing the disk"_s);

    // The answer comes back as a refresh: the selection survives, nothing is left to acknowledge.
    Alert ackedNow = firing;
    ackedNow.ack = prego::AlertAck{u"carol"_s, now, comment};
    Alert pendingAcked = pending;
    pendingAcked.ack = ackedNow.ack;
    view.showAlerts({pendingAcked, ackedNow, acked}, now + Minute);
    EXPECT_EQ(view.alertTable()->selectionModel()->selectedRows().size(), 3);
    EXPECT_FALSE(view.acknowledgeButton()->isEnabled());
}

TEST(AckDialog, RefusesAnEmptyOrTooLongComment)
{
    const Alert a = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Firing, 0);
    prego::AckDialog dialog({a});
    dialog.show();
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *error = dialog.findChild<QLabel *>(u"validationError"_s);
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(error->text(), u"Write a comment: who is on it, or why it can wait."_s);
    EXPECT_EQ(ok->toolTip(), error->text());
    dialog.setComment(u"   "_s);
    EXPECT_FALSE(ok->isEnabled());
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);

    dialog.setComment(QString(501, u'x'));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_EQ(error->text(), u"The comment is 501 characters long; at most 500 are allowed."_s);
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);

    dialog.setComment(QString(500, u'x'));
    EXPECT_TRUE(ok->isEnabled());
    EXPECT_FALSE(error->isVisible());
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.comment().size(), 500);
}

TEST(SilenceDialog, EndsAreComputedOnTheServersClockAndAResendIsTheSameSilence)
{
    qint64 local = QDateTime(QDate(2026, 11, 26), QTime(10, 0)).toMSecsSinceEpoch();
    const qint64 offset = 2 * Hour; // the server's clock is two hours ahead of ours
    SilenceDialog dialog({u"fsn1-a"_s, u"fsn1-b"_s}, {u"fsn1"_s});
    dialog.setLocalClock([&] { return local; });
    dialog.setServerTimeOffset(offset);
    dialog.show();
    EXPECT_EQ(dialog.problem(), u"Choose when the silence ends."_s);
    dialog.setReason(u"kernel upgrade"_s);

    for (const auto &[end, length] : {std::pair{SilenceDialog::End::OneHour, Hour},
                                      std::pair{SilenceDialog::End::FourHours, 4 * Hour},
                                      std::pair{SilenceDialog::End::OneDay, Day}}) {
        dialog.setEnd(end);
        const std::optional<prego::SilenceRequest> request = dialog.request();
        ASSERT_TRUE(request) << dialog.problem().toStdString();
        EXPECT_EQ(request->endsAtMs, local + offset + length);
        EXPECT_EQ(request->nodeIds, (QStringList{u"fsn1-a"_s, u"fsn1-b"_s}));
        EXPECT_FALSE(request->region);
        EXPECT_EQ(request->reason, u"kernel upgrade"_s);
        EXPECT_EQ(request->silenceId, dialog.silenceId());
    }
    EXPECT_FALSE(QUuid::fromString(dialog.silenceId()).isNull());

    // "Until" is a local date and time, checked against the server's now: an hour ahead of our
    // clock is already the past for the server.
    dialog.setUntil(QDateTime::fromMSecsSinceEpoch(local + Hour));
    EXPECT_EQ(dialog.problem(), u"The end is in the past. Choose a later time."_s);
    dialog.setUntil(QDateTime::fromMSecsSinceEpoch(local + 3 * Hour));
    ASSERT_TRUE(dialog.request());
    EXPECT_EQ(dialog.request()->endsAtMs, local + 3 * Hour);
    EXPECT_TRUE(dialog.findChild<QLabel *>(u"untilZone"_s)->text().startsWith(u"Local time, "_s));

    // Sent, refused by the server: the error is shown and nothing typed is lost.
    dialog.setEnd(SilenceDialog::End::FourHours);
    QList<prego::SilenceRequest> sent;
    QObject::connect(&dialog, &SilenceDialog::silenceRequested,
                     [&](const prego::SilenceRequest &r) { sent.append(r); });
    dialog.accept();
    ASSERT_EQ(sent.size(), 1);
    EXPECT_TRUE(dialog.isWaiting());
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    dialog.showResult(u"The control plane did not answer in time."_s);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.resultError(), u"The control plane did not answer in time."_s);
    EXPECT_EQ(dialog.reason(), u"kernel upgrade"_s);
    EXPECT_EQ(dialog.end(), SilenceDialog::End::FourHours);
    EXPECT_TRUE(ok->isEnabled());

    // OK again a minute later with the same input: the same body (id and end), so a silence that
    // did reach the control plane is replayed, not doubled.
    local += Minute;
    dialog.accept();
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent.at(1), sent.at(0));
    dialog.showResult({});
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST(SilenceDialog, RefusesLongSilencesAndBadReasonsAndTakesAKoreanReasonOf500Characters)
{
    const qint64 local = QDateTime::currentMSecsSinceEpoch();
    SilenceDialog dialog({}, {u"nbg1"_s, u"fsn1"_s});
    dialog.setLocalClock([&] { return local; });
    dialog.show();
    // No nodes given: a region, which must be chosen.
    EXPECT_FALSE(dialog.findChild<QWidget *>(u"nodesChoice"_s)->isVisible());
    EXPECT_EQ(dialog.problem(), u"Choose the region to silence."_s);
    dialog.setRegion(u"nbg1"_s);
    dialog.setEnd(SilenceDialog::End::Until);
    dialog.setUntil(QDateTime::fromMSecsSinceEpoch(local + 8 * Day));
    EXPECT_EQ(dialog.problem(), u"A silence can last at most 7 days. Choose an earlier end."_s);
    auto *error = dialog.findChild<QLabel *>(u"validationError"_s);
    EXPECT_EQ(error->text(), dialog.problem());
    EXPECT_TRUE(error->isVisible());
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    dialog.setUntil(QDateTime::fromMSecsSinceEpoch(local - Minute));
    EXPECT_EQ(dialog.problem(), u"The end is in the past. Choose a later time."_s);
    dialog.setUntil(QDateTime::fromMSecsSinceEpoch(local + 6 * Day));

    EXPECT_EQ(dialog.problem(), u"Write a reason: what is planned or expected."_s);
    dialog.setReason(QString(501, u'a'));
    EXPECT_EQ(dialog.problem(), u"The reason is 501 characters long; at most 500 are allowed."_s);
    bool requested = false;
    QObject::connect(&dialog, &SilenceDialog::silenceRequested, [&] { requested = true; });
    dialog.accept();
    EXPECT_FALSE(requested);

    QString korean;
    while (korean.size() < 500)
        korean += u"커널 업그레이드 "_s;
    korean = korean.left(499) + u'중';
    dialog.setReason(korean);
    EXPECT_EQ(dialog.problem(), QString());
    EXPECT_TRUE(ok->isEnabled());
    const std::optional<prego::SilenceRequest> request = dialog.request();
    ASSERT_TRUE(request);
    EXPECT_EQ(request->reason, korean);
    EXPECT_EQ(request->region, u"nbg1"_s);
    EXPECT_TRUE(request->nodeIds.isEmpty());
    dialog.accept();
    EXPECT_TRUE(requested);
}

TEST(AlertsView, SilencesTheSelectedNodesAndEndsASilenceThroughTheControlPlanesAnswers)
{
    AlertsView view;
    view.resize(900, 500);
    view.show();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Alert a = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Firing, now - Hour);
    const Alert b = alert(u"fsn1-a"_s, AlertRule::Disk, AlertState::Pending, now - Minute);
    const Alert c = alert(u"nbg1-c"_s, AlertRule::Cpu, AlertState::Firing, now - Hour);
    view.showAlerts({a, b, c}, now);
    selectAlerts(view, {a.key(), b.key(), c.key()});

    QList<prego::SilenceRequest> requests;
    QObject::connect(&view, &AlertsView::silenceRequested,
                     [&](const prego::SilenceRequest &r) { requests.append(r); });
    ASSERT_TRUE(view.silenceButton()->isEnabled());
    view.silenceButton()->click();
    const QPointer<SilenceDialog> dialog = view.silenceDialog();
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->nodeIds(), (QStringList{u"fsn1-a"_s, u"nbg1-c"_s}));
    dialog->setEnd(SilenceDialog::End::OneHour);
    dialog->setReason(u"rack move"_s);
    dialog->accept();
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.at(0).nodeIds, (QStringList{u"fsn1-a"_s, u"nbg1-c"_s}));
    view.showActionResult(u"Only an operator token may do this."_s);
    ASSERT_TRUE(view.silenceDialog());
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->resultError(), u"Only an operator token may do this."_s);
    dialog->accept();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests.at(1), requests.at(0));
    view.showActionResult({});
    EXPECT_TRUE(!dialog || !dialog->isVisible()) << "closed on success";

    // The list, where an active silence can be ended and an expired one cannot.
    view.tabs()->setCurrentIndex(int(AlertsView::Tab::Maintenance));
    view.showSilences({}, now);
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Maintenance),
              u"No maintenance silences in the last 7 days. Select alerts and choose “Silence…” "
              "to add one."_s);
    const prego::Silence active = silence(u"s-active"_s, now - Hour, now + Hour);
    const prego::Silence expired = silence(u"s-old"_s, now - 3 * Hour, now - 2 * Hour);
    view.showSilences({expired, active}, now);
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Maintenance), QString());
    EXPECT_EQ(column(view.silenceTable(), prego::SilenceListModel::StateColumn),
              (QStringList{u"Active"_s, u"Expired"_s}));
    EXPECT_EQ(column(view.silenceTable(), prego::SilenceListModel::CreatedByColumn),
              (QStringList{u"bob-laptop"_s, u"bob-laptop"_s}));
    // The silenced node is marked in the current alerts.
    const int row = view.alertModel()->rowOf(a.key());
    EXPECT_EQ(
        view.alertModel()->index(row, prego::AlertListModel::SilencedColumn).data().toString(),
        u"Silenced"_s);

    QTableView *table = view.silenceTable();
    EXPECT_FALSE(view.endSilenceButton()->isEnabled());
    table->selectRow(1);
    EXPECT_FALSE(view.endSilenceButton()->isEnabled()) << "expired";
    table->selectRow(0);
    ASSERT_TRUE(view.endSilenceButton()->isEnabled());
    QStringList ended;
    QObject::connect(&view, &AlertsView::endSilenceRequested,
                     [&](const QString &id) { ended.append(id); });
    view.endSilenceButton()->click();
    EXPECT_EQ(ended, QStringList{u"s-active"_s});
    EXPECT_FALSE(view.endSilenceButton()->isEnabled()) << "waiting for the answer";
    view.showActionResult(u"Forbidden"_s);
    EXPECT_EQ(view.maintenanceNotice(), u"The silence could not be ended: Forbidden"_s);
    EXPECT_TRUE(view.endSilenceButton()->isEnabled());
    view.showSilencesError(u"The control plane could not be reached."_s);
    EXPECT_EQ(view.maintenanceNotice(), u"The silence could not be ended: Forbidden"_s);
    view.endSilenceButton()->click();
    view.showActionResult({});
    EXPECT_EQ(view.maintenanceNotice(), u"The control plane could not be reached."_s);
}

TEST(AlertsView, WithoutTheSilencesCapabilitySilencingIsDisabledWithTheReason)
{
    AlertsView view;
    view.show();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Alert a = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Firing, now - Hour);
    view.showAlerts({a}, now);
    view.showSilences({silence(u"s1"_s, now - Hour, now + Hour)}, now);
    const QString reason = u"This control plane does not offer maintenance silences."_s;
    view.setSilencesAvailable(false, reason);
    selectAlerts(view, {a.key()});
    view.silenceTable()->selectRow(0);

    EXPECT_FALSE(view.silenceButton()->isEnabled());
    EXPECT_EQ(view.silenceButton()->toolTip(), reason);
    EXPECT_FALSE(view.endSilenceButton()->isEnabled());
    EXPECT_EQ(view.endSilenceButton()->toolTip(), reason);
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Maintenance), reason);
    view.silenceSelected();
    EXPECT_EQ(view.silenceDialog(), nullptr);
    // Nothing else changes: acknowledging works as before.
    EXPECT_TRUE(view.acknowledgeButton()->isEnabled());
    EXPECT_TRUE(view.rulesButton()->isEnabled());

    view.setSilencesAvailable(true, {});
    EXPECT_TRUE(view.silenceButton()->isEnabled());
    EXPECT_TRUE(view.endSilenceButton()->isEnabled());
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Maintenance), QString());
}

TEST(AlertsView, ShowsTheHistoryNewestFirstWhenItsTabIsOpened)
{
    AlertsView view;
    view.show();
    int requested = 0;
    QObject::connect(&view, &AlertsView::historyRequested, [&] { ++requested; });
    view.tabs()->setCurrentIndex(int(AlertsView::Tab::History));
    EXPECT_EQ(requested, 1);
    view.showHistory({});
    EXPECT_EQ(view.emptyText(AlertsView::Tab::History),
              u"No alert changed state in the last 7 days."_s);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    prego::AlertTransition began;
    began.nodeId = u"fsn1-a"_s;
    began.rule = AlertRule::Disk;
    began.to = AlertState::Pending;
    began.atMs = now - Hour;
    began.value = 86;
    prego::AlertTransition resolved = began;
    resolved.from = AlertState::Firing;
    resolved.to = AlertState::Resolved;
    resolved.atMs = now - Minute;
    resolved.value = 70;
    view.showHistory({began, resolved});
    EXPECT_EQ(view.emptyText(AlertsView::Tab::History), QString());
    EXPECT_EQ(column(view.historyTable(), 3),
              (QStringList{u"Firing → Resolved"_s, u"New → Pending"_s}));
    EXPECT_EQ(column(view.historyTable(), 4), (QStringList{u"70 %"_s, u"86 %"_s}));

    QString activated;
    QObject::connect(&view, &AlertsView::nodeActivated,
                     [&](const QString &node) { activated = node; });
    Q_EMIT view.historyTable()->activated(view.historyTable()->model()->index(0, 0));
    EXPECT_EQ(activated, u"fsn1-a"_s);
}

TEST(AlertRulesDialog, RoundTripsTheRulesAndRefusesAMarginOverTheThreshold)
{
    prego::AlertRules rules;
    rules.memory = {false, 95, 1200, 3};
    rules.disk.windowSeconds = 450; // not whole minutes: kept exactly while untouched
    rules.nodeOverrides[u"fsn1-a"_s][AlertRule::Cpu].threshold = 97;
    rules.regionOverrides[u"nbg1"_s][AlertRule::Disk].enabled = false;
    rules.regionOverrides[u"nbg1"_s][AlertRule::Disk].windowSeconds = 900;
    prego::AlertRulesDialog dialog;
    dialog.setRules(rules);
    dialog.show();
    EXPECT_EQ(dialog.rules(), rules);
    QTableWidget *table = dialog.overrideTable();
    ASSERT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(0, 0)->text(), u"Node fsn1-a"_s);
    EXPECT_EQ(table->item(0, 2)->text(), u"threshold 97 %"_s);
    EXPECT_EQ(table->item(1, 0)->text(), u"Region nbg1"_s);
    EXPECT_EQ(table->item(1, 2)->text(), u"off and window 15 min"_s);

    auto *threshold = dialog.findChild<QDoubleSpinBox *>(u"cpuThreshold"_s);
    auto *margin = dialog.findChild<QDoubleSpinBox *>(u"cpuMargin"_s);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    threshold->setValue(80);
    EXPECT_EQ(dialog.rules().cpu.threshold, 80);
    margin->setValue(85);
    EXPECT_EQ(dialog.problem(),
              u"CPU: the clear margin (85 points) must be smaller than the threshold (80 %)."_s);
    EXPECT_FALSE(ok->isEnabled());
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    margin->setValue(4);
    EXPECT_TRUE(ok->isEnabled());

    // An override too low for the default margin is refused as well.
    dialog.addOverride();
    prego::AlertOverrideDialog *edit = dialog.overrideDialog();
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->problem(), u"Enter the node id."_s);
    prego::AlertOverrideEntry entry;
    entry.name = u"hel1-c"_s;
    entry.rule = AlertRule::Memory;
    entry.change.threshold = 2;
    edit->setEntry(entry);
    EXPECT_EQ(edit->problem(), QString());
    edit->accept();
    ASSERT_EQ(table->rowCount(), 3);
    EXPECT_EQ(dialog.problem(), u"The override for hel1-c, Memory: the clear margin (3 points) "
                                "must be smaller than the threshold (2 %)."_s);
    EXPECT_FALSE(ok->isEnabled());
    dialog.editOverride(); // the new override is selected
    entry.change.threshold = 99;
    dialog.overrideDialog()->setEntry(entry);
    dialog.overrideDialog()->accept();
    ASSERT_EQ(table->rowCount(), 3);
    EXPECT_TRUE(ok->isEnabled());
    table->selectRow(1);
    dialog.removeOverride();
    ASSERT_EQ(table->rowCount(), 2);

    prego::AlertRules expected = rules;
    expected.cpu.threshold = 80;
    expected.cpu.clearMargin = 4;
    expected.regionOverrides.clear();
    expected.nodeOverrides[u"hel1-c"_s][AlertRule::Memory].threshold = 99;
    EXPECT_EQ(dialog.rules(), expected);
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST(AlertsView, RulesChangedCarriesWhatTheRulesDialogConfirmed)
{
    AlertsView view;
    view.show();
    prego::AlertRules changed;
    int emitted = 0;
    QObject::connect(&view, &AlertsView::rulesChanged, [&](const prego::AlertRules &r) {
        changed = r;
        ++emitted;
    });
    view.rulesButton()->click();
    prego::AlertRulesDialog *dialog = view.rulesDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->rules(), prego::AlertRules{});
    dialog->findChild<QDoubleSpinBox *>(u"diskThreshold"_s)->setValue(92);
    dialog->accept();
    ASSERT_EQ(emitted, 1);
    EXPECT_EQ(changed.disk.threshold, 92);
    EXPECT_EQ(view.rules(), changed);

    // The rule column follows the rules.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    view.showAlerts({alert(u"fsn1-a"_s, AlertRule::Disk, AlertState::Pending, now)}, now);
    EXPECT_EQ(view.alertModel()->index(0, prego::AlertListModel::RuleColumn).data().toString(),
              u"Disk ≥ 92 % for 5 min"_s);
}

TEST(AlertsView, SwitchesToKoreanAtRunTime)
{
    AlertsView view;
    view.show();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    view.showAlerts({}, now);
    const QAbstractItemModel *m = view.alertTable()->model();
    EXPECT_EQ(m->headerData(prego::AlertListModel::NodeColumn, Qt::Horizontal).toString(),
              u"Node"_s);
    EXPECT_EQ(view.acknowledgeButton()->text(), u"&Acknowledge…"_s);

    installKorean();
    EXPECT_EQ(m->headerData(prego::AlertListModel::NodeColumn, Qt::Horizontal).toString(),
              u"노드"_s);
    EXPECT_EQ(view.acknowledgeButton()->text(), u"확인 처리(&A)…"_s);
    EXPECT_EQ(view.tabs()->tabText(int(AlertsView::Tab::Maintenance)), u"유지보수"_s);
    EXPECT_EQ(view.emptyText(AlertsView::Tab::Current),
              u"발생 중이거나 대기 중인 경보가 없습니다."_s);
    view.showAlerts({alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Firing, now)}, now);
    EXPECT_EQ(m->index(0, prego::AlertListModel::StateColumn).data().toString(), u"발생 중"_s);

    installEnglish();
    EXPECT_EQ(m->headerData(prego::AlertListModel::NodeColumn, Qt::Horizontal).toString(),
              u"Node"_s);
    EXPECT_EQ(view.acknowledgeButton()->text(), u"&Acknowledge…"_s);
    EXPECT_EQ(m->index(0, prego::AlertListModel::StateColumn).data().toString(), u"Firing"_s);
}

TEST(AlertsView, TabReadsTheButtonsThenTheTable)
{
    AlertsView view;
    view.show();
    QApplication::setActiveWindow(&view);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Alert a = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Firing, now - Hour);
    view.showAlerts({a}, now);
    selectAlerts(view, {a.key()});
    view.acknowledgeButton()->setFocus();
    ASSERT_TRUE(QTest::qWaitFor([&] { return view.acknowledgeButton()->hasFocus(); }, 2000));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_TRUE(view.silenceButton()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_TRUE(view.rulesButton()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_TRUE(view.alertTable()->hasFocus());
    for (const QWidget *w : std::initializer_list<const QWidget *>{
             view.alertTable(), view.historyTable(), view.silenceTable(), view.tabs()})
        EXPECT_FALSE(w->accessibleName().isEmpty()) << w->objectName().toStdString();
}
