#include "ackdialog.h"

#include "dialogproblem.h"

#include "domain/alerttext.h"
#include "statuscolors.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int AlertsNamed = 8; // the dialog names this many alerts, then counts the rest
}

AckDialog::AckDialog(const QList<Alert> &alerts, QWidget *parent)
    : QDialog(parent)
    , m_alerts(alerts)
    , m_intro(new QLabel(this))
    , m_list(new QLabel(this))
    , m_commentLabel(new QLabel(this))
    , m_comment(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"ackDialog"_s);
    for (const Alert &a : alerts)
        m_keys.append(a.key());
    m_intro->setWordWrap(true);
    m_list->setObjectName(u"ackAlerts"_s);
    m_list->setTextFormat(Qt::PlainText);
    m_comment->setObjectName(u"commentEdit"_s);
    m_comment->setTabChangesFocus(true);
    m_comment->setMinimumHeight(80);
    m_commentLabel->setBuddy(m_comment);
    m_count->setObjectName(u"commentCount"_s);
    m_count->setAlignment(Qt::AlignRight);
    m_problem->setObjectName(u"validationError"_s);
    m_problem->setWordWrap(true);
    StatusColors::markErrorLabel(m_problem);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &AckDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AckDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AckDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list);
    layout->addWidget(m_commentLabel);
    layout->addWidget(m_comment, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    retranslate();
}

void AckDialog::setComment(const QString &comment)
{
    m_comment->setPlainText(comment);
}

QString AckDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

QString AckDialog::problem() const
{
    const qsizetype length = comment().size();
    if (length == 0)
        return tr("Write a comment: who is on it, or why it can wait.");
    if (length > MaxCommentLength) {
        //: %1: the comment's length, %2: the most allowed (500)
        return tr("The comment is %1 characters long; at most %2 are allowed.")
            .arg(QLocale().toString(length), QLocale().toString(MaxCommentLength));
    }
    return {};
}

bool AckDialog::canAccept() const
{
    return problem().isEmpty();
}

void AckDialog::accept()
{
    if (!canAccept()) {
        updateState();
        return;
    }
    QDialog::accept();
}

void AckDialog::updateState()
{
    showDialogProblem(m_problem, m_buttons, problem());
    //: characters used of those allowed: "12 / 500"
    m_count->setText(tr("%1 / %2").arg(QLocale().toString(comment().size()),
                                       QLocale().toString(MaxCommentLength)));
}

void AckDialog::retranslate()
{
    setWindowTitle(tr("Acknowledge alerts"));
    m_intro->setText(tr("Acknowledged alerts stay listed but do not notify again until they "
                        "resolve. Say who is on it or why it can wait."));
    QStringList lines;
    for (const Alert &a :
         std::as_const(m_alerts).first(std::min<qsizetype>(AlertsNamed, m_alerts.size()))) {
        //: one alert in a list: node id — rule — state
        lines.append(
            tr("%1 — %2 — %3")
                .arg(a.nodeId, AlertText::ruleName(a.rule), AlertText::stateName(a.state)));
    }
    if (m_alerts.size() > AlertsNamed)
        lines.append(tr("and %n more", nullptr, int(m_alerts.size()) - AlertsNamed));
    m_list->setText(lines.join(u'\n'));
    m_commentLabel->setText(tr("&Comment:"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("e.g. “alice: replacing the disk, back by 15:00”"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Acknowledge"));
    updateState();
}

void AckDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QDialog::changeEvent(event);
}

} // namespace prego
