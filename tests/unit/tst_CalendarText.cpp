#include "mime/CalendarText.h"

#include <QTest>

using Poplar::Mime::CalendarText;

class tst_CalendarText : public QObject
{
    Q_OBJECT

private slots:
    void eventBecomesReadable()
    {
        const QString ics = QStringLiteral(
            "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Review\\, part 2\r\n"
            "DTSTART:20240201T090000Z\r\nDTEND:20240201T100000Z\r\nLOCATION:Room 1\r\n"
            "ORGANIZER;CN=Ann Lee:mailto:ann@example.org\r\nDESCRIPTION:Line one\\nLine "
            "\r\n two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        QCOMPARE(CalendarText::toReadableText(ics),
                 QStringLiteral("Invitation\n\nEvent: Review, part 2\n"
                                "When: 2024-02-01 09:00 UTC – 2024-02-01 10:00 UTC\n"
                                "Where: Room 1\nOrganizer: Ann Lee <ann@example.org>\n\n"
                                "Line one\nLine two"));
    }

    void cancellationIsSaid()
    {
        const QString text =
            CalendarText::toReadableText(u"BEGIN:VCALENDAR\nMETHOD:CANCEL\nBEGIN:VEVENT\nSUMMARY:"
                                         u"Off\nEND:VEVENT\nEND:VCALENDAR\n");
        QVERIFY(text.startsWith(QStringLiteral("Cancelled invitation")));
    }

    void notACalendarIsShownAsIs()
    {
        QCOMPARE(CalendarText::toReadableText(u"just text"), QStringLiteral("just text"));
    }
};

QTEST_GUILESS_MAIN(tst_CalendarText)
#include "tst_CalendarText.moc"
