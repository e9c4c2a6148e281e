// Issue 5 on screen: the provisioning wizard driven through its three paths against prego-cp-sim,
// server validation errors on the right page, a failed stage pinned and retried, the jobs list,
// and the trace timeline's geometry.
#include "api/controlplane.h"
#include "api/fleetpoller.h"
#include "api/jobspoller.h"
#include "consolesession.h"
#include "domain/provisionrequest.h"
#include "httptestclient.h"
#include "joblistmodel.h"
#include "joblistview.h"
#include "jobwindow.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "provisionwizard.h"
#include "simprocess.h"
#include "storage/joboutbox.h"
#include "tracetimeline.h"
#include "verificationview.h"

#include <QTreeWidget>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::ProvisionRequest;
using prego::ProvisionWizard;

namespace {

struct Console : prego::test::ConsoleSession
{
    std::unique_ptr<prego::test::HttpTestClient> admin;

    bool open(const QStringList &extra = {}, const std::function<void()> &beforeConnect = {})
    {
        return ConsoleSession::open(QStringList{u"--demo-fleet"_s, u"8"_s, u"--enable-sim-admin"_s,
                                                u"--time-scale"_s, u"0.01"_s} +
                                        extra,
                                    u"wizard"_s, [&] {
                                        admin = std::make_unique<prego::test::HttpTestClient>(
                                            sim.baseUrl());
                                        admin->setToken(sim.tokenFor(u"operator"_s));
                                        if (beforeConnect)
                                            beforeConnect();
                                    });
    }

    // Fills the wizard for one path and presses Submit; returns the accepted job id.
    QString provision(ProvisionRequest::Path path, const QString &tenant, const QString &target,
                      const QString &region)
    {
        ProvisionWizard *w = window()->openWizard();
        if (!w)
            return {};
        w->tenantEdit()->setText(tenant);
        w->pathButton(path)->click();
        w->next();
        if (w->currentId() != ProvisionWizard::PlacementPage)
            return u"<stuck on tenant page>"_s;
        if (path == ProvisionRequest::Path::SharedExisting)
            w->selectTarget(target);
        else
            w->regionBox()->setCurrentIndex(w->regionBox()->findData(region));
        w->next();
        if (w->currentId() != ProvisionWizard::ReviewPage)
            return u"<stuck on placement page>"_s;
        if (w->confirmation()->isVisible())
            w->confirmation()->setChecked(true);
        QSignalSpy submitted(w, &ProvisionWizard::jobSubmitted);
        // A double click on Submit: still one job.
        w->button(QWizard::FinishButton)->click();
        w->button(QWizard::FinishButton)->click();
        if (!submitted.wait(15000))
            return u"<not submitted: %1>"_s.arg(w->submitStatus());
        return submitted.first().first().toString();
    }

    // Waits until the job window shows this job ended.
    std::optional<prego::Job> waitForEnd(const QString &jobId)
    {
        prego::JobWindow *view = window()->jobWindow();
        if (!view)
            return std::nullopt;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (view->job() && view->job()->jobId == jobId && view->job()->isFinished())
                return view->job();
            QSignalSpy shown(view, &prego::JobWindow::jobShown);
            shown.wait(2000);
        }
        return std::nullopt;
    }

    // What the control plane received for this job: the POST bodies with its Idempotency-Key.
    QList<QJsonObject> postsFor(const QString &jobId) const
    {
        QList<QJsonObject> out;
        const auto r = admin->get(u"/sim/requests?path_prefix=/internal/provision-tenant"_s);
        for (const QJsonValue &v : r.json()[u"requests"].toArray()) {
            if (v[u"method"].toString() == u"POST" && v[u"idempotency_key"].toString() == jobId)
                out.append(v[u"body"].toObject());
        }
        return out;
    }

    QString freshSharedNode() const
    {
        const prego::NodeTableModel *m = window()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const prego::Node &n = m->nodeAt(r);
            if (n.placement == u"shared" && n.status == u"active" && n.acceptsTenants &&
                m->freshnessAt(r) == prego::Freshness::Fresh)
                return n.nodeId;
        }
        return {};
    }
};

bool hasStage(const prego::Job &job, const QString &name)
{
    return std::any_of(job.stages.cbegin(), job.stages.cend(), [&](const prego::JobStage &s) {
        return s.name == name && s.status != u"skipped";
    });
}

} // namespace

TEST(ProvisionWizard, SharedExistingPlacesTheTenantWithoutPulumi)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    const QString target = c.freshSharedNode();
    ASSERT_FALSE(target.isEmpty());
    const QString id =
        c.provision(ProvisionRequest::Path::SharedExisting, u"acme-corp"_s, target, {});
    ASSERT_TRUE(ProvisionRequest::isValidJobId(id)) << id.toStdString();
    const QList<QJsonObject> posts = c.postsFor(id);
    ASSERT_EQ(posts.size(), 1); // the double click sent nothing twice
    EXPECT_EQ(posts.first()[u"tenant_id"].toString(), u"acme-corp"_s);
    EXPECT_EQ(posts.first()[u"target_server_id"].toString(), target);
    EXPECT_FALSE(posts.first()[u"create_new_server"].toBool());
    const auto job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->status, u"Completed"_s);
    EXPECT_FALSE(hasStage(*job, u"pulumi_up"_s));
    // The job window shows the trace.
    prego::JobWindow *view = c.window()->jobWindow();
    EXPECT_TRUE(view->isVisible());
    EXPECT_TRUE(view->traceText().startsWith(u"Trace "_s)) << view->traceText().toStdString();
    EXPECT_EQ(view->stageTable()->rowCount(), job->stages.size());
    EXPECT_TRUE(view->errorText().isEmpty());
    // The request named its target: the summary names it.
    EXPECT_TRUE(view->summaryText().contains(u" · target %1 · created "_s.arg(target)))
        << view->summaryText().toStdString();
    // Columns are fitted to the job; once the operator sizes one, a refresh keeps it.
    {
        QHeaderView *stages = view->stageTable()->horizontalHeader();
        const int fitted = stages->sectionSize(0);
        stages->resizeSection(0, fitted + 97);
        QSignalSpy refreshed(view, &prego::JobWindow::jobShown);
        view->showJob(id);
        ASSERT_TRUE(refreshed.wait(10000));
        EXPECT_EQ(stages->sectionSize(0), fitted + 97);
        // A layout with nothing kept (another profile's first run) is fitted again.
        view->setKeepColumnWidths({});
        view->showJob(id);
        ASSERT_TRUE(refreshed.wait(10000));
        EXPECT_EQ(stages->sectionSize(0), fitted);
        // Fitting leaves no empty band: in a window narrower than the columns the last one (the
        // detail) keeps its whole text and the table scrolls; in a wider one it reaches the
        // table's edge.
        const int last = stages->count() - 1;
        const QSize size = view->size();
        int wholeDetail = 0;
        for (const int width : {700, 2000}) {
            view->resize(width, size.height());
            view->showJob(id);
            ASSERT_TRUE(refreshed.wait(10000));
            const int end = stages->sectionViewportPosition(last) + stages->sectionSize(last);
            const int edge = view->stageTable()->viewport()->width();
            if (width == 700) {
                EXPECT_GT(end, edge);
                wholeDetail = stages->sectionSize(last);
            } else {
                EXPECT_EQ(end, edge);
                EXPECT_GE(stages->sectionSize(last), wholeDetail);
            }
        }
        view->resize(size);
    }
    // Copy as text and export JSON carry the job.
    EXPECT_TRUE(view->asText().startsWith(u"Job %1: Completed"_s.arg(id)))
        << view->asText().toStdString();
    const QString file = c.home.filePath(u"job.json"_s);
    EXPECT_EQ(view->exportJson(file), QString());
    QFile exported(file);
    ASSERT_TRUE(exported.open(QIODevice::ReadOnly));
    EXPECT_EQ(QJsonDocument::fromJson(exported.readAll()).object()[u"job_id"].toString(), id);
    EXPECT_FALSE(view->exportJson(c.home.filePath(u"no/such/dir/job.json"_s)).isEmpty());
}

TEST(ProvisionWizard, DedicatedMakesThreeServersOnTheSanitizedStack)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    ProvisionWizard *w = c.window()->openWizard();
    ASSERT_NE(w, nullptr);
    w->tenantEdit()->setText(u"Beta_Corp.EU"_s);
    w->pathButton(ProvisionRequest::Path::Dedicated)->click();
    EXPECT_EQ(w->stackPreview(), u"Stack: dedicated-beta-corp-eu"_s);
    w->close();
    const QString id =
        c.provision(ProvisionRequest::Path::Dedicated, u"Beta_Corp.EU"_s, {}, u"hel1"_s);
    ASSERT_TRUE(ProvisionRequest::isValidJobId(id)) << id.toStdString();
    const QList<QJsonObject> posts = c.postsFor(id);
    ASSERT_EQ(posts.size(), 1);
    EXPECT_TRUE(posts.first()[u"dedicated"].toBool());
    EXPECT_EQ(posts.first()[u"region"].toString(), u"hel1"_s);
    const auto job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->status, u"Completed"_s);
    EXPECT_EQ(job->stack.value_or(QString()), u"dedicated-beta-corp-eu"_s);
    ASSERT_EQ(job->servers.size(), 3);
    QStringList roles;
    for (const prego::JobServer &s : job->servers)
        roles << s.role;
    roles.sort();
    EXPECT_EQ(roles, (QStringList{u"app"_s, u"db"_s, u"redis"_s}));
    EXPECT_EQ(c.window()->jobWindow()->serverTable()->rowCount(), 3);
    // A dedicated stack has no target node: the summary names the stack and no "target –".
    const QString summary = c.window()->jobWindow()->summaryText();
    EXPECT_TRUE(summary.contains(u"stack dedicated-beta-corp-eu · created"_s))
        << summary.toStdString();
    EXPECT_FALSE(summary.contains(u"target"_s)) << summary.toStdString();
}

TEST(ProvisionWizard, SharedNewRegistersANodeThatReports)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    const QString id = c.provision(ProvisionRequest::Path::SharedNew, u"gamma"_s, {}, u"nbg1"_s);
    ASSERT_TRUE(ProvisionRequest::isValidJobId(id)) << id.toStdString();
    ASSERT_EQ(c.postsFor(id).size(), 1);
    const auto job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->status, u"Completed"_s);
    EXPECT_TRUE(hasStage(*job, u"pulumi_up"_s));
    ASSERT_EQ(job->servers.size(), 1);
    const QString node = job->servers.first().nodeId;
    // The request named no target (the new node is listed below): the summary leaves the target
    // out instead of showing "target –".
    EXPECT_FALSE(job->targetServerId.has_value());
    const QString summary = c.window()->jobWindow()->summaryText();
    EXPECT_TRUE(summary.contains(u"Job %1 · new shared node · stack "_s.arg(id)))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(u" · created "_s)) << summary.toStdString();
    EXPECT_FALSE(summary.contains(u"target"_s)) << summary.toStdString();
    // The new node appears in the fleet and reports metrics.
    QElapsedTimer t;
    t.start();
    bool reporting = false;
    while (!reporting && t.elapsed() < 20000) {
        QSignalSpy shown(c.window(), &prego::MainWindow::snapshotShown);
        c.console->poller()->pollNow();
        shown.wait(5000);
        const int row = c.window()->model()->rowOf(node);
        reporting = row >= 0 && c.window()->model()->nodeAt(row).metrics.has_value();
    }
    EXPECT_TRUE(reporting) << node.toStdString();
    // Its output row opens the node.
    c.window()->jobWindow()->serverTable()->setCurrentCell(0, 1);
    Q_EMIT c.window()->jobWindow()->serverTable()->cellActivated(0, 1);
    ASSERT_NE(c.window()->nodeDetail(), nullptr);
    EXPECT_EQ(c.window()->nodeDetail()->nodeId(), node);
}

TEST(ProvisionWizard, AServerRejectionLeadsBackToTheFieldsPage)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    // The console's view of the fleet is out of date: a node that is draining now still looks
    // active to it. The control plane refuses the target; the wizard goes back to the placement.
    QList<prego::Node> nodes = c.window()->model()->nodes();
    QString draining;
    for (prego::Node &n : nodes) {
        if (n.status == u"draining") {
            draining = n.nodeId;
            n.status = u"active"_s;
            n.acceptsTenants = true;
        }
    }
    ASSERT_FALSE(draining.isEmpty());
    ProvisionWizard *w = c.window()->openWizard();
    w->tenantEdit()->setText(u"delta"_s);
    w->next();
    // The window's next snapshot would correct the list: this test keeps the stale one.
    QObject::disconnect(c.console->poller(), nullptr, c.window(), nullptr);
    w->setFleet(nodes, c.console->poller() ? QDateTime::currentMSecsSinceEpoch() : 0, 3600 * 24);
    ASSERT_TRUE(w->selectTarget(draining));
    const QString firstJobId = w->request().jobId;
    w->next();
    ASSERT_EQ(w->currentId(), ProvisionWizard::ReviewPage);
    w->button(QWizard::FinishButton)->click();
    QElapsedTimer t;
    t.start();
    while (w->currentId() != ProvisionWizard::PlacementPage && t.elapsed() < 10000)
        QTest::qWait(50);
    ASSERT_EQ(w->currentId(), ProvisionWizard::PlacementPage) << w->submitStatus().toStdString();
    EXPECT_FALSE(w->fieldError(u"target_server_id"_s).isEmpty());
    EXPECT_TRUE(w->submitStatus().contains(u"nothing was created"_s))
        << w->submitStatus().toStdString();
    // The corrected request is a new intent with a new job id.
    EXPECT_NE(w->request().jobId, firstJobId);
    EXPECT_EQ(c.postsFor(firstJobId).size(), 1);
}

TEST(ProvisionWizard, AFailedStageIsPinnedAndRetryCompletesIt)
{
    Console c;
    ASSERT_TRUE(c.open({u"--fail-stage"_s, u"ansible"_s})) << c.sim.error().toStdString();
    const int nodesBefore = c.window()->model()->rowCount();
    const QString id = c.provision(ProvisionRequest::Path::SharedNew, u"epsilon"_s, {}, u"fsn1"_s);
    ASSERT_TRUE(ProvisionRequest::isValidJobId(id)) << id.toStdString();
    auto job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    ASSERT_EQ(job->status, u"Failed"_s);
    prego::JobWindow *view = c.window()->jobWindow();
    EXPECT_TRUE(view->errorText().contains(u"ansible"_s)) << view->errorText().toStdString();
    ASSERT_TRUE(view->retryButton()->isVisible());
    const QString before = c.admin->get(u"/sim/stats"_s).json()[u"nodes"].toVariant().toString();

    QSignalSpy shown(view, &prego::JobWindow::jobShown);
    view->retryButton()->click();
    ASSERT_TRUE(shown.wait(10000));
    job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->status, u"Completed"_s);
    EXPECT_TRUE(view->errorText().isEmpty());
    // No new node for the retry: the one made before the failure is reused.
    EXPECT_EQ(c.admin->get(u"/sim/stats"_s).json()[u"nodes"].toVariant().toString(), before);
    EXPECT_EQ(c.postsFor(id).size(), 1);
    Q_UNUSED(nodesBefore)
}

TEST(ProvisionWizard, ARestartResendsOnlyWhatTheControlPlaneNeverGot)
{
    Console c;
    // Before the console starts: one request written but never sent (a crash before the POST),
    // one sent and received whose answer was lost (a crash after it).
    ProvisionRequest never = ProvisionRequest::create(ProvisionRequest::Path::SharedNew);
    never.tenantId = u"eta"_s;
    never.region = u"fsn1"_s;
    ProvisionRequest lost = ProvisionRequest::create(ProvisionRequest::Path::SharedNew);
    lost.tenantId = u"theta"_s;
    lost.region = u"hel1"_s;
    ASSERT_TRUE(c.open({}, [&] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        ASSERT_TRUE(QDir().mkpath(dir));
        prego::JobOutbox outbox(QDir(dir).filePath(u"jobs-wizard.sqlite"_s));
        ASSERT_EQ(outbox.open(), QString());
        ASSERT_TRUE(outbox.add(u"wizard"_s, never.jobId, never.toJson()).entry);
        ASSERT_TRUE(outbox.add(u"wizard"_s, lost.jobId, lost.toJson()).entry);
        ASSERT_TRUE(outbox.markSent(lost.jobId, QDateTime::currentMSecsSinceEpoch()));
        const auto r = c.admin->post(u"/internal/provision-tenant"_s, lost.toJson(),
                                     {{"Idempotency-Key", lost.jobId.toUtf8()}});
        ASSERT_EQ(r.status, 202) << r.body.toStdString();
    })) << c.sim.error().toStdString();
    ASSERT_NE(c.console->outbox(), nullptr);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 15000 &&
           (c.console->outbox()->find(never.jobId)->state != prego::JobOutbox::State::Accepted ||
            c.console->outbox()->find(lost.jobId)->state != prego::JobOutbox::State::Accepted))
        QTest::qWait(50);
    EXPECT_EQ(c.console->outbox()->find(never.jobId)->state, prego::JobOutbox::State::Accepted);
    EXPECT_EQ(c.console->outbox()->find(lost.jobId)->state, prego::JobOutbox::State::Accepted);
    // The one the control plane never got was sent once; the other was looked up, not resent.
    EXPECT_EQ(c.postsFor(never.jobId).size(), 1);
    EXPECT_EQ(c.postsFor(lost.jobId).size(), 1);
}

TEST(ProvisionWizard, AStaleTargetNeedsTheOverrideAndAnExistingStackIsWarnedAbout)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    QString stale;
    const prego::NodeTableModel *m = c.window()->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        const prego::Node &n = m->nodeAt(r);
        if (n.placement == u"shared" && n.status == u"active" && n.acceptsTenants &&
            m->freshnessAt(r) == prego::Freshness::Stale)
            stale = n.nodeId;
    }
    ASSERT_FALSE(stale.isEmpty());
    ProvisionWizard *w = c.window()->openWizard();
    w->tenantEdit()->setText(u"iota"_s);
    w->next();
    ASSERT_TRUE(w->selectTarget(stale));
    EXPECT_TRUE(w->staleOverride()->isVisible());
    w->next();
    EXPECT_EQ(w->currentId(), ProvisionWizard::PlacementPage); // refused without the override
    EXPECT_TRUE(w->fieldError(u"target_server_id"_s).contains(u"has not reported within 5 min"_s))
        << w->fieldError(u"target_server_id"_s).toStdString();
    w->staleOverride()->setChecked(true);
    w->next();
    EXPECT_EQ(w->currentId(), ProvisionWizard::ReviewPage);
    // Placing on an existing node creates nothing: no confirmation asked.
    EXPECT_FALSE(w->confirmation()->isVisible());
    w->back();
    w->back();

    // The demo fleet's dedicated tenant: its stack is already among the nodes.
    w->tenantEdit()->setText(u"globex"_s);
    w->pathButton(ProvisionRequest::Path::Dedicated)->click();
    w->next();
    EXPECT_TRUE(w->dedicatedWarning().startsWith(u"Stack dedicated-globex already exists among "
                                                 u"the nodes (3 servers)"_s))
        << w->dedicatedWarning().toStdString();
    w->next();
    ASSERT_EQ(w->currentId(), ProvisionWizard::ReviewPage);
    EXPECT_TRUE(w->confirmation()->isVisible());
    EXPECT_EQ(w->confirmation()->text(),
              u"I understand that 3 new servers will be created and billed."_s);
    // Submit without the confirmation: refused, nothing sent.
    const QString id = w->request().jobId;
    w->button(QWizard::FinishButton)->click();
    QTest::qWait(300);
    EXPECT_EQ(w->currentId(), ProvisionWizard::ReviewPage);
    EXPECT_TRUE(c.postsFor(id).isEmpty());
}

TEST(ProvisionWizard, AnUnansweredSubmitSaysUnknownAndKeepsTheJobId)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    // Every POST fails with 503 until the fault is cleared.
    const auto fault = c.admin->post(
        u"/sim/faults"_s, QJsonObject{{u"path_prefix"_s, u"/internal/provision-tenant"_s},
                                      {u"method"_s, u"POST"_s},
                                      {u"status"_s, 503},
                                      {u"count"_s, QJsonValue()}});
    ASSERT_EQ(fault.status, 201);
    ProvisionWizard *w = c.window()->openWizard();
    w->tenantEdit()->setText(u"kappa"_s);
    w->pathButton(ProvisionRequest::Path::SharedNew)->click();
    w->next();
    w->next();
    w->confirmation()->setChecked(true);
    const QString id = w->request().jobId;
    QSignalSpy submitted(w, &ProvisionWizard::jobSubmitted);
    w->button(QWizard::FinishButton)->click();
    QElapsedTimer t;
    t.start();
    while (!w->submitStatus().contains(u"same job id"_s) && t.elapsed() < 10000)
        QTest::qWait(50);
    EXPECT_TRUE(w->submitStatus().contains(u"unknown — retrying with the same job id"_s))
        << w->submitStatus().toStdString();
    EXPECT_FALSE(w->button(QWizard::FinishButton)->isEnabled());
    // The control plane comes back: the retry with the same id and body is accepted once.
    ASSERT_EQ(c.admin->send("DELETE", u"/sim/faults"_s, {}, {}).status, 204);
    ASSERT_TRUE(submitted.wait(15000));
    EXPECT_EQ(submitted.first().first().toString(), id);
    const QList<QJsonObject> posts = c.postsFor(id);
    ASSERT_GE(posts.size(), 2); // the refused attempts and the accepted one
    for (const QJsonObject &body : posts)
        EXPECT_EQ(body, posts.first()); // byte-for-byte the same request each time
    EXPECT_EQ(c.admin->get(u"/internal/provision-jobs?tenant_id=kappa"_s)
                  .json()[u"jobs"]
                  .toArray()
                  .size(),
              1);
}

TEST(JobListView, ListsServerAndLocalJobsWithFilters)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    {
        // No job yet: the list says so and where to start one.
        c.window()->showView(prego::MainWindow::View::Jobs);
        prego::JobListView *jobs = c.window()->jobListView();
        QSignalSpy refreshed(jobs, &prego::JobListView::refreshed);
        ASSERT_TRUE(refreshed.wait(10000));
        EXPECT_EQ(jobs->model()->rowCount(), 0);
        EXPECT_EQ(jobs->emptyText(),
                  u"No provisioning jobs yet. “New provisioning…” starts one."_s);
        c.window()->showView(prego::MainWindow::View::Dashboard);
    }
    const QString id = c.provision(ProvisionRequest::Path::SharedNew, u"zeta"_s, {}, u"sin"_s);
    ASSERT_TRUE(ProvisionRequest::isValidJobId(id)) << id.toStdString();
    c.window()->jobWindow()->close();
    c.window()->showView(prego::MainWindow::View::Jobs);
    prego::JobListView *jobs = c.window()->jobListView();
    QAbstractItemModelTester tester(jobs->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy refreshed(jobs, &prego::JobListView::refreshed);
    c.console->jobsPoller()->refresh();
    ASSERT_TRUE(refreshed.size() > 0 || refreshed.wait(10000));
    const int row = jobs->model()->rowOf(id);
    ASSERT_GE(row, 0);
    EXPECT_EQ(jobs->model()->index(row, prego::JobListModel::TenantColumn).data().toString(),
              u"zeta"_s);
    // The columns fit their text (the created time is not cut to "11/27/26 8:4…") and the last
    // one fills the width; a column the operator sizes by hand keeps its width at the next
    // refresh.
    QTableView *table = jobs->table();
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < header->count() - 1; ++column) {
        EXPECT_GE(table->columnWidth(column),
                  static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column))
            << "column " << column << " is narrower than its text";
    }
    EXPECT_EQ(header->length(), table->viewport()->width());
    header->resizeSection(prego::JobListModel::TenantColumn, 300);
    refreshed.clear();
    c.console->jobsPoller()->refresh();
    ASSERT_TRUE(refreshed.wait(10000));
    EXPECT_EQ(table->columnWidth(prego::JobListModel::TenantColumn), 300);
    // Another profile without stored widths (MainWindow::restoreViews): the columns fit again.
    jobs->setKeepColumnWidths(false);
    refreshed.clear();
    c.console->jobsPoller()->refresh();
    ASSERT_TRUE(refreshed.wait(10000));
    constexpr int Tenant = prego::JobListModel::TenantColumn;
    EXPECT_EQ(table->columnWidth(Tenant),
              std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(Tenant),
                       header->sectionSizeHint(Tenant)));
    // Filter: Failed hides it; all statuses shows it.
    EXPECT_EQ(jobs->emptyText(), QString());
    jobs->statusFilter()->setCurrentIndex(jobs->statusFilter()->findData(u"Failed"_s));
    EXPECT_EQ(jobs->table()->model()->rowCount(), 0);
    EXPECT_EQ(jobs->emptyText(), u"No job matches the filters."_s);
    jobs->statusFilter()->setCurrentIndex(0);
    EXPECT_EQ(jobs->table()->model()->rowCount(), jobs->model()->rowCount());
    EXPECT_EQ(jobs->emptyText(), QString());
    // Enter on a row opens the job.
    jobs->table()->setCurrentIndex(jobs->table()->model()->index(0, 0));
    Q_EMIT jobs->table()->activated(jobs->table()->model()->index(0, 0));
    EXPECT_TRUE(c.window()->jobWindow()->isVisible());
}

TEST(TraceTimeline, BarsArePlacedByStartAndFinishAndTheRunningOneGrows)
{
    constexpr qint64 T = 1'764'000'000'000;
    prego::Job job;
    job.jobId = u"j"_s;
    job.status = u"Running"_s;
    job.createdAtMs = T;
    job.traceId = u"0123456789abcdef0123456789abcdef"_s;
    job.traceRecorded = true;
    const auto stage = [](const QString &name, const QString &status, std::optional<qint64> from,
                          std::optional<qint64> to) {
        prego::JobStage s;
        s.name = name;
        s.status = status;
        s.startedAtMs = from;
        s.finishedAtMs = to;
        return s;
    };
    job.stages = {stage(u"validate"_s, u"succeeded"_s, T, T + 1000),
                  stage(u"resolve_host"_s, u"succeeded"_s, T + 1000, T + 3000),
                  stage(u"pulumi_up"_s, u"succeeded"_s, T + 3000, T + 48000),
                  stage(u"ansible"_s, u"running"_s, T + 48000, std::nullopt),
                  stage(u"dns"_s, u"skipped"_s, std::nullopt, std::nullopt),
                  stage(u"callbacks"_s, u"pending"_s, std::nullopt, std::nullopt)};
    job.stages[4].skipReason = u"no DNS zone for this region"_s;

    prego::TraceTimeline timeline;
    timeline.resize(900, 220);
    timeline.setJob(job, T + 58000);
    const QRectF plot = timeline.plotRect();
    const double perMs = plot.width() / 58000.0;
    EXPECT_EQ(timeline.axisStartMs(), T);
    EXPECT_EQ(timeline.axisEndMs(), T + 58000);
    const auto bar = [&](int i) {
        return *timeline.barRect(i);
    };
    EXPECT_NEAR(bar(0).left(), plot.left(), 0.01);
    EXPECT_NEAR(bar(0).width(), std::max(2.0, 1000 * perMs), 0.01);
    EXPECT_NEAR(bar(2).left(), plot.left() + 3000 * perMs, 0.01);
    EXPECT_NEAR(bar(2).right(), plot.left() + 48000 * perMs, 0.01);
    // The running stage reaches "now", the right edge.
    EXPECT_NEAR(bar(3).right(), plot.right(), 0.01);
    // Rows one under the other.
    EXPECT_LT(bar(0).bottom(), bar(1).top());
    // Skipped and pending: no bar; the tooltip gives the reason.
    EXPECT_FALSE(timeline.barRect(4).has_value());
    EXPECT_FALSE(timeline.barRect(5).has_value());
    EXPECT_TRUE(timeline.toolTipFor(4).contains(u"no DNS zone for this region"_s));
    EXPECT_EQ(timeline.stageAt(bar(2).center().toPoint()), 2);

    // Ten seconds later the running bar has grown and the finished ones scaled down.
    timeline.setNow(T + 68000);
    const double perMsLater = plot.width() / 68000.0;
    EXPECT_NEAR(bar(3).right(), plot.right(), 0.01);
    EXPECT_NEAR(bar(3).left(), plot.left() + 48000 * perMsLater, 0.01);
    EXPECT_NEAR(bar(2).right(), plot.left() + 48000 * perMsLater, 0.01);
    // The painted bar has the status color.
    const QImage image = timeline.grab().toImage();
    EXPECT_EQ(image.pixelColor(bar(2).center().toPoint()),
              prego::TraceTimeline::colorOf(u"succeeded"_s, QApplication::palette()));
}

TEST(VerificationView, ShowsTheChecksWithEvidenceThatOpensTheNode)
{
    Console c;
    ASSERT_TRUE(c.open()) << c.sim.error().toStdString();
    QSignalSpy evaluated(c.window()->verificationView(), &prego::VerificationView::evaluated);
    QTest::keyClick(c.window(), Qt::Key_5, Qt::ControlModifier);
    ASSERT_EQ(c.window()->currentView(), prego::MainWindow::View::Verification);
    ASSERT_TRUE(evaluated.wait(10000));
    prego::VerificationView *view = c.window()->verificationView();
    ASSERT_EQ(view->results().size(), 7);
    QTreeWidget *tree = view->tree();
    ASSERT_EQ(tree->topLevelItemCount(), 7);
    // The demo fleet has two stale nodes and one that never pushed: M1 fails and names them.
    QTreeWidgetItem *m1 = tree->topLevelItem(0);
    EXPECT_EQ(m1->text(0), u"M1"_s);
    EXPECT_EQ(m1->text(1), u"fail"_s);
    EXPECT_TRUE(m1->isExpanded());
    ASSERT_EQ(m1->childCount(), 3) << m1->text(3).toStdString();
    // No jobs yet: the scenarios say why they cannot be evaluated.
    EXPECT_EQ(tree->topLevelItem(3)->text(1), u"not evaluable"_s);
    EXPECT_EQ(tree->topLevelItem(3)->text(3), u"No job of this path yet."_s);
    EXPECT_TRUE(view->summaryText().contains(u"1 pass"_s) ||
                view->summaryText().contains(u"2 pass"_s))
        << view->summaryText().toStdString();
    // A row of evidence opens its node.
    QTreeWidgetItem *child = m1->child(0);
    Q_EMIT tree->itemActivated(child, 0);
    ASSERT_NE(c.window()->nodeDetail(), nullptr);
    EXPECT_TRUE(child->text(2).startsWith(c.window()->nodeDetail()->nodeId() + u":"_s));
    // The report.
    const QString file = c.home.filePath(u"report.md"_s);
    EXPECT_EQ(view->exportReport(file), QString());
    QFile report(file);
    ASSERT_TRUE(report.open(QIODevice::ReadOnly));
    EXPECT_TRUE(report.readAll().contains("| M1 | fail |"));
}

// The user's own control plane may offer only the Definition of Done: the console learns that
// from whoami and everything it shows today works the same.
TEST(Console, WorksTheSameWhenTheControlPlaneOffersNoOptionalFeature)
{
    Console c;
    ASSERT_TRUE(c.open({u"--features"_s, u"none"_s, u"--fail-stage"_s, u"ansible"_s}))
        << c.sim.error().toStdString();
    prego::ControlPlane *api = c.console->controlPlane();
    ASSERT_NE(api, nullptr);
    if (!api->identity()) {
        QSignalSpy identity(api, &prego::ControlPlane::identityChanged);
        ASSERT_TRUE(identity.wait(10000));
    }
    EXPECT_TRUE(api->identity()->features.isEmpty());
    for (prego::Feature f : prego::AllFeatures)
        EXPECT_FALSE(api->offers(f)) << prego::featureKey(f).toStdString();

    // The fleet, a submit, the trace, a failure with Retry, the jobs list and the checks.
    EXPECT_GT(c.window()->model()->rowCount(), 0);
    const QString id = c.provision(ProvisionRequest::Path::SharedNew, u"omega"_s, {}, u"hel1"_s);
    ASSERT_TRUE(ProvisionRequest::isValidJobId(id)) << id.toStdString();
    auto job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    ASSERT_EQ(job->status, u"Failed"_s);
    prego::JobWindow *view = c.window()->jobWindow();
    QSignalSpy shown(view, &prego::JobWindow::jobShown);
    view->retryButton()->click();
    ASSERT_TRUE(shown.wait(10000));
    job = c.waitForEnd(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->status, u"Completed"_s);

    c.window()->showView(prego::MainWindow::View::Jobs);
    QSignalSpy refreshed(c.window()->jobListView(), &prego::JobListView::refreshed);
    c.console->jobsPoller()->refresh();
    ASSERT_TRUE(refreshed.wait(10000));
    EXPECT_GE(c.window()->jobListView()->model()->rowOf(id), 0);

    QSignalSpy evaluated(c.window()->verificationView(), &prego::VerificationView::evaluated);
    c.window()->showView(prego::MainWindow::View::Verification);
    ASSERT_TRUE(evaluated.wait(10000));
    EXPECT_EQ(c.window()->verificationView()->results().size(), 7);
}
