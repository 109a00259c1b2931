using ChatCoach.Core.Answers;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Core.Tests.Answers;

/// <summary>
/// What people actually type at each choice question of dialogs/coach.yaml, at least ten phrasings per choice,
/// each with the choice it must be read as. Written by hand: none is generated from the script's own synonyms.
/// </summary>
public sealed class CoachChoicePhrasingsTests
{
    private static readonly Script Coach = LoadCoach();

    // question | what the person types | the choice id it means
    private const string Table = """
        school | I studied in the US | us
        school | USA | us
        school | united states | us
        school | an american school | us
        school | stateside | us
        school | here in the US | us
        school | US MD program | us
        school | osteopathic school in Ohio | us
        school | state school | us
        school | 1 | us
        school | In the US (MD or DO) | us
        school | canada | canada
        school | Canadian | canada
        school | a canadian school | canada
        school | McGill | canada
        school | in Canada | canada
        school | university of toronto | canada
        school | ontario | canada
        school | 2 | canada
        school | UBC | canada
        school | canadian md | canada
        school | Caribbean school | abroad
        school | india | abroad
        school | I studied in Pakistan | abroad
        school | Nigeria | abroad
        school | offshore | abroad
        school | St George's University | abroad
        school | American University of the Caribbean | abroad
        school | abroad | abroad
        school | outside the US | abroad
        school | my home country, Egypt | abroad
        school | the Philippines | abroad
        school | 3 | abroad
        school | IMG | abroad
        school | Ross | abroad
        school_type | MD | md
        school_type | allopathic | md
        school_type | an MD school | md
        school_type | M.D. | md
        school_type | MD program | md
        school_type | doctor of medicine | md
        school_type | 1 | md
        school_type | md student | md
        school_type | md grad | md
        school_type | LCME school | md
        school_type | DO | do
        school_type | osteopathic | do
        school_type | D.O. | do
        school_type | a DO school | do
        school_type | osteopathy | do
        school_type | 2 | do
        school_type | doctor of osteopathic medicine | do
        school_type | DO student | do
        school_type | I take COMLEX | do
        school_type | do grad | do
        step2_status | not yet | not_taken
        step2_status | haven't taken it | not_taken
        step2_status | not taken | not_taken
        step2_status | it's scheduled for March | not_taken
        step2_status | booked for next month | not_taken
        step2_status | still studying for it | not_taken
        step2_status | no | not_taken
        step2_status | 1 | not_taken
        step2_status | yet to take it | not_taken
        step2_status | never took it | not_taken
        step2_status | passed | passed
        step2_status | passed first time | passed
        step2_status | passed on first attempt | passed
        step2_status | cleared it | passed
        step2_status | first try | passed
        step2_status | 2 | passed
        step2_status | passed it last year | passed
        step2_status | Passed on the first try | passed
        step2_status | got through first go | passed
        step2_status | yes passed | passed
        step2_status | failed once then passed | passed_after_fail
        step2_status | failed it once, then passed | passed_after_fail
        step2_status | failed n passed | passed_after_fail
        step2_status | failed & passed | passed_after_fail
        step2_status | passed on the retake | passed_after_fail
        step2_status | passed the second time | passed_after_fail
        step2_status | retook and passed | passed_after_fail
        step2_status | 3 | passed_after_fail
        step2_status | passed after failing it | passed_after_fail
        step2_status | failed twice then passed | passed_after_fail
        step2_status | failed | failed_not_passed
        step2_status | I failed | failed_not_passed
        step2_status | didn't pass | failed_not_passed
        step2_status | failed twice | failed_not_passed
        step2_status | flunked it | failed_not_passed
        step2_status | not passed yet | failed_not_passed
        step2_status | 4 | failed_not_passed
        step2_status | failed, retaking in May | failed_not_passed
        step2_status | Failed, not passed yet | failed_not_passed
        step2_status | still not passed | failed_not_passed
        comlex_status | not yet | not_taken
        comlex_status | passed first time | passed
        comlex_status | failed once then passed | passed_after_fail
        comlex_status | failed twice | failed_not_passed
        usce | none | none
        usce | no | none
        usce | nothing yet | none
        usce | no USCE | none
        usce | zero | none
        usce | not yet | none
        usce | no us experience | none
        usce | never | none
        usce | 1 | none
        usce | none so far | none
        usce | observership | observership
        usce | shadowing | observership
        usce | I shadowed a doctor | observership
        usce | observerships at two hospitals | observership
        usce | just observing | observership
        usce | 2 | observership
        usce | observer | observership
        usce | obs | observership
        usce | observership only | observership
        usce | Observership (shadowing) | observership
        usce | elective | elective
        usce | clerkship | elective
        usce | sub-I in medicine | elective
        usce | electives as a student | elective
        usce | a student rotation | elective
        usce | acting internship | elective
        usce | 3 | elective
        usce | visiting student | elective
        usce | away rotation | elective
        usce | core rotation | elective
        usce | externship | externship
        usce | hands-on externship | externship
        usce | hands on | externship
        usce | 4 | externship
        usce | an externship after graduating | externship
        usce | extern | externship
        usce | hands on rotation | externship
        usce | two externships | externship
        usce | hands-on experience | externship
        usce | post grad rotation | externship
        usce | job | job
        usce | clinical job | job
        usce | I work as a medical assistant | job
        usce | scribe | job
        usce | 5 | job
        usce | clinical work | job
        usce | hospital job | job
        usce | working in a clinic | job
        usce | paid position | job
        usce | employment | job
        prior_unmatched | first time | first_time
        prior_unmatched | no | first_time
        prior_unmatched | never applied | first_time
        prior_unmatched | this is my first | first_time
        prior_unmatched | nope | first_time
        prior_unmatched | not yet | first_time
        prior_unmatched | 1 | first_time
        prior_unmatched | first match | first_time
        prior_unmatched | new applicant | first_time
        prior_unmatched | never | first_time
        prior_unmatched | yes | unmatched_before
        prior_unmatched | applied before | unmatched_before
        prior_unmatched | I didn't match last year | unmatched_before
        prior_unmatched | unmatched | unmatched_before
        prior_unmatched | reapplicant | unmatched_before
        prior_unmatched | 2 | unmatched_before
        prior_unmatched | yes, twice | unmatched_before
        prior_unmatched | went unmatched | unmatched_before
        prior_unmatched | applied last year | unmatched_before
        prior_unmatched | reapplying | unmatched_before
        ecfmg | certified | certified
        ecfmg | yes | certified
        ecfmg | already certified | certified
        ecfmg | I'm certified | certified
        ecfmg | done | certified
        ecfmg | 1 | certified
        ecfmg | got it | certified
        ecfmg | ECFMG certified | certified
        ecfmg | all done | certified
        ecfmg | completed | certified
        ecfmg | working on it | in_progress
        ecfmg | in progress | in_progress
        ecfmg | started | in_progress
        ecfmg | applied for a pathway | in_progress
        ecfmg | 2 | in_progress
        ecfmg | partly | in_progress
        ecfmg | waiting for OET | in_progress
        ecfmg | halfway | in_progress
        ecfmg | ongoing | in_progress
        ecfmg | pathway pending | in_progress
        ecfmg | not started | not_started
        ecfmg | no | not_started
        ecfmg | not yet | not_started
        ecfmg | haven't started | not_started
        ecfmg | 3 | not_started
        ecfmg | nothing yet | not_started
        ecfmg | not certified | not_started
        ecfmg | nope | not_started
        ecfmg | need to start | not_started
        ecfmg | haven't applied | not_started
        specialty | internal medicine | internal_medicine
        specialty | internal med please | internal_medicine
        specialty | internal | internal_medicine
        specialty | int med | internal_medicine
        specialty | medicine | internal_medicine
        specialty | hospital medicine | internal_medicine
        specialty | 1 | internal_medicine
        specialty | internist | internal_medicine
        specialty | categorical IM | internal_medicine
        specialty | general medicine | internal_medicine
        specialty | family medicine | family_medicine
        specialty | FM | family_medicine
        specialty | family med | family_medicine
        specialty | primary care | family_medicine
        specialty | family practice | family_medicine
        specialty | 2 | family_medicine
        specialty | GP | family_medicine
        specialty | family | family_medicine
        specialty | fam med | family_medicine
        specialty | family physician | family_medicine
        specialty | pediatrics | pediatrics
        specialty | peds | pediatrics
        specialty | paediatrics | pediatrics
        specialty | 3 | pediatrics
        specialty | pediatric | pediatrics
        specialty | child health | pediatrics
        specialty | kids | pediatrics
        specialty | paeds | pediatrics
        specialty | pediatrician | pediatrics
        specialty | pediatrcs | pediatrics
        specialty | psychiatry | psychiatry
        specialty | psych | psychiatry
        specialty | 4 | psychiatry
        specialty | mental health | psychiatry
        specialty | psychiatrist | psychiatry
        specialty | child psychiatry | psychiatry
        specialty | psychiatric | psychiatry
        specialty | adult psychiatry | psychiatry
        specialty | psychiatrie | psychiatry
        specialty | psychiatyr | psychiatry
        specialty | neurology | neurology
        specialty | neuro | neurology
        specialty | 5 | neurology
        specialty | neurologist | neurology
        specialty | child neurology | neurology
        specialty | adult neurology | neurology
        specialty | neurological | neurology
        specialty | neurosciences | neurology
        specialty | neurolgy | neurology
        specialty | neuro residency | neurology
        specialty | pathology | pathology
        specialty | path | pathology
        specialty | 6 | pathology
        specialty | pathologist | pathology
        specialty | AP/CP | pathology
        specialty | anatomic pathology | pathology
        specialty | clinical pathology | pathology
        specialty | lab medicine | pathology
        specialty | histopathology | pathology
        specialty | patho | pathology
        specialty | OB-GYN | obgyn
        specialty | obgyn | obgyn
        specialty | ob/gyn | obgyn
        specialty | obstetrics | obgyn
        specialty | gynecology | obgyn
        specialty | 7 | obgyn
        specialty | women's health | obgyn
        specialty | obs and gynae | obgyn
        specialty | gynaecology | obgyn
        specialty | obstetrician | obgyn
        specialty | general surgery | general_surgery
        specialty | surgery | general_surgery
        specialty | gen surg | general_surgery
        specialty | 8 | general_surgery
        specialty | surgeon | general_surgery
        specialty | general surgeon | general_surgery
        specialty | GS | general_surgery
        specialty | surg | general_surgery
        specialty | categorical surgery | general_surgery
        specialty | surgical | general_surgery
        specialty | emergency medicine | emergency_medicine
        specialty | EM | emergency_medicine
        specialty | emergency | emergency_medicine
        specialty | ER | emergency_medicine
        specialty | 9 | emergency_medicine
        specialty | ED | emergency_medicine
        specialty | emergency room | emergency_medicine
        specialty | emergency department | emergency_medicine
        specialty | emergency med | emergency_medicine
        specialty | er doc | emergency_medicine
        specialty | anesthesiology | anesthesiology
        specialty | anesthesia | anesthesiology
        specialty | anaesthesia | anesthesiology
        specialty | 10 | anesthesiology
        specialty | gas | anesthesiology
        specialty | anesthesiologist | anesthesiology
        specialty | anaesthetics | anesthesiology
        specialty | anesthetist | anesthesiology
        specialty | anaesthesiology | anesthesiology
        specialty | anesth | anesthesiology
        specialty | radiology | radiology
        specialty | rads | radiology
        specialty | 11 | radiology
        specialty | diagnostic radiology | radiology
        specialty | radiologist | radiology
        specialty | imaging | radiology
        specialty | x-ray | radiology
        specialty | diagnostic imaging | radiology
        specialty | rad | radiology
        specialty | radiologic | radiology
        specialty | dermatology | competitive
        specialty | derm | competitive
        specialty | ortho | competitive
        specialty | plastic surgery | competitive
        specialty | neurosurgery | competitive
        specialty | ENT | competitive
        specialty | 12 | competitive
        specialty | urology | competitive
        specialty | ophthalmology | competitive
        specialty | orthopedic surgery | competitive
        specialty | other | other
        specialty | something else | other
        specialty | 13 | other
        specialty | another one | other
        specialty | not listed | other
        specialty | none of these | other
        specialty | PM&R | other
        specialty | physical medicine | other
        specialty | preventive medicine | other
        specialty | a different specialty | other
        specialty | undecided | undecided
        specialty | haven't decided | undecided
        specialty | 14 | undecided
        specialty | not decided yet | undecided
        specialty | still deciding | undecided
        specialty | open | undecided
        specialty | no preference | undecided
        specialty | flexible | undecided
        specialty | whatever matches | undecided
        specialty | anything | undecided
        """;

    public static TheoryData<string, string, string> Phrasings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Reads_what_people_type_as_the_choice_they_mean(string node, string text, string expected)
    {
        var question = Coach.Nodes[node].Question!;

        var read = AnswerReader.TryRead(AnswerKind.Choice, text, new ReadContext(new DateOnly(2026, 11, 25), question.Choices), out var value);

        Assert.True(read, $"'{text}' was not read at {node}");
        Assert.Equal(expected, value.Text);
    }

    [Fact]
    public void Every_choice_of_every_question_has_at_least_ten_phrasings()
    {
        var counted = Phrasings().Select(row => ((string)row[0], (string)row[2])).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var questions = Coach.Nodes.Values.Where(n => n.Question?.Kind == AnswerKind.Choice && n.Id != "comlex_status");

        var short_ = questions.SelectMany(n => n.Question!.Choices.Select(c => (n.Id, c.Id)))
            .Where(choice => counted.GetValueOrDefault(choice) < 10).ToList();

        Assert.True(short_.Count == 0, "fewer than 10 phrasings: " + string.Join(", ", short_));
    }

    private static Script LoadCoach()
    {
        var path = Path.Combine(RepositoryPaths.Dialogs, "coach.yaml");
        return TestScripts.Load(File.ReadAllText(path));
    }
}
