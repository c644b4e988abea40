"""The person specifications and job facts of the seeds in ../shared/seeds/,
as the schools' documents hold them (text as written there, line breaks of
the text extraction joined). make_fixtures.py lays them out as .docx files."""

# Seed 002 (Home School Support Worker): one table, ticks, "Assessed by" words.
# (section, [(note, text, level, methods)])
HSSW = [
    ("Skills and Abilities", [
        ("", "The ability to develop and maintain effective working relationships with other team members & contribute to the work of the team", "E", "Application and interview"),
        ("", "Carry out work to agreed specifications and deadlines", "E", "Application and interview"),
        ("", "Basic ICT skills to support administration", "E", "Application"),
        ("", "Effective oral and written communication skills across a range of audiences", "E", "Application and interview"),
        ("", "The ability to relate effectively to a diverse range of young people and adults", "E", "Application and interview"),
        ("", "The ability to develop relationships with parents and community groups", "E", "Application and interview"),
        ("For peripatetic workers only:", "Personal organisation, time and workload management skills under minimal day-to-day supervision and support", "E", "Interview"),
    ]),
    ("Knowledge", [
        ("", "An understanding of how children and young people develop and learn", "E", "Application and interview"),
        ("", "An understanding of child care, parenting skills, parental development and healthy parent-child relationships", "E", "Application and interview"),
        ("", "An understanding of the range of potential barriers to learning for pupils", "E", "Application and interview"),
        ("", "An understanding of child protection policies and procedures and a commitment to the principles of best practice", "E", "Application and interview"),
        ("", "The range of support services and facilities available to support parents and carers ", "E", "Application and interview"),
        ("", "Health and safety policy in schools and the responsibility of the individual in ensuring its implementation", "E", "Application and interview"),
        ("", "Equalities and inclusion policies and how these are implemented in schools", "E", "Application and interview"),
    ]),
    ("Qualifications and Experience", [
        ("", "To have completed, or a willingness to undertake, the local induction training for Home School Support Workers", "E", "Application"),
        ("", "GCSE grade \u2018C\u2019 (or equivalent) or above in English and mathematics", "E", "Application"),
        ("", "Previous experience working with children and young people, parents or community groups in a paid or voluntary capacity", "E", "Application"),
        ("", "NVQ3 in Work with Parents or Learning, Development and Support Services or equivalent qualification", "D", "Application"),
        ("", "A demonstrable commitment to continuing professional development ", "E", "Application and interview"),
    ]),
]
HSSW_FACTS = [("Job Title", "Home School Support Worker"), ("Grade", "Grade 4"),
              ("Reports To", "insert line manager\u2019s post name here")]
HSSW_DUTIES = [
    "With teaching and support staff, and other professionals where appropriate, to participate in the analysis, assessment, and prioritisation of need at locality and/or school level",
    "Working with others, identify those children and young people who would benefit most from home-school support and, draw up and implement an action plan for each parent/family",
    "Develop a 1:1 relationship with parents/families identified for particular support, aimed at achieving the objectives defined in the action plan",
]

# Seed 000 (1:1 Learning Support Assistant): Essential and Desirable columns
# holding lists (each item after a box glyph), no assessment.
# (section, [essential...], [desirable...])
LSA = [
    ("Qualifications",
     ["Good general education to GCSE level (Maths & English Grade C or above)",
      "NVQ3, or equivalent, in Teaching and Learning"],
     ["Current First Aid qualification"]),
    ("Experience",
     ["Experience of working both under direction and using own initiative, as appropriate",
      "Experience of working with children with individual needs",
      "Knowledge of the key aspects that affect the development of children\u2019s learning"],
     ["Experience of working with children"]),
    ("Competencies/Skills",
     ["The ability to keep and regularly update records of activities undertaken and outcomes in order to inform the class teacher and SENCo",
      "Able to communicate effectively with children, parents and staff",
      "Able to display children\u2019s work effectively both within and outside the classroom",
      "The ability to work with ICT",
      "Ability to implement effective behaviour management strategies",
      "Able to follow all safeguarding procedures",
      "The ability to tailor the learning to address the current needs of the children"],
     ["ELSA trained", "Ability to lead small group interventions", "Able to assess through observations",
      "Able to plan designated classroom areas in order to create a stimulating learning environment"]),
    ("Personal Qualities",
     ["A positive, reliable team member with excellent interpersonal skills",
      "Smart and professional image", "The ability to use initiative",
      "Commitment to support the learning and emotional well-being of the children",
      "To be highly professional and able to keep confidential information within school",
      "Able to demonstrate positive praise and manage children\u2019s behaviour effectively",
      "A willingness to continue professional development through courses and in-house training",
      "A flexibility to be able to work with all classes as required and support individuals as needs arise",
      "A commitment to create a positive learning environment"],
     []),
]
LSA_DUTIES = [
    "Providing learning activities for an individual under the professional direction and supervision of a qualified teacher, differentiating and adapting learning programmes to suit the needs of the pupil",
    "Assessing, recording and reporting on development, progress and attainment as agreed with the teacher",
    "Monitoring and recording the pupil\u2019s responses and learning achievements, drawing any problems which cannot be resolved to the attention of the teacher",
    "Selecting and adapting appropriate resources/methods to facilitate agreed learning activities",
    "Supporting the pupil with social and emotional well-being, reporting problems to the teacher as appropriate",
]

# Seed 004 (SENCo): lists under ESSENTIAL and DESIRABLE, codes under HOW
# MEASURED explained by a legend. (section, [(text, codes)], [(text, codes)])
SENCO_LEGEND = "(1 = Application Form 2 = Interview 3 = Test 4 = Proof of Qualification 5 = Practical Exercise)"
SENCO = [
    ("Education and training",
     [("Qualified Teacher Status (QTS).", "1,4"),
      ("National Professional Qualifications for SENCos (or similar) or commitment to achieve this.", "1,4")],
     [("Evidence of continued professional development in SEND, inclusion or leadership.", "1,4")]),
    ("Experience",
     [("Significant teaching experience including working with students with SEN", "1,2"),
      ("Experience of leading Annual Review meetings.", "1,2"),
      ("Experience of quality assuring EHCP documentation.", "1,2,5"),
      ("Experience working collaboratively with parents/carers and multi-agency professionals.", "1,2")],
     [("Teaching experience in a special school context with learners with severe or profound learning difficulties and additional needs", "1,2"),
      ("Experience of preparing/submitting funding applications for Local Authority panels.", "1,2"),
      ("Experience of supporting or coaching colleagues in EHCP writing or inclusive practice.", "1,2")]),
    ("Skills and knowledge",
     [("Strong knowledge of the Children and Families Act (2014) and SEND Code of Practice (2015).", "1,2"),
      ("Strong understanding of EHCP statutory requirements, including alignment of Sections B and F.", "1,2"),
      ("Ability to meet statutory timelines and manage complex caseloads effectively.", "1,2"),
      ("High-level written communication skills, particularly in drafting legally robust documentation.", "1,2,5"),
      ("Ability to align provision clearly to identified needs and cost accurately.", "1,2"),
      ("Ability to chair meetings confidently and constructively", "1,2")],
     [("Knowledge of High Needs funding systems and local authority processes.", "1,2"),
      ("Experience of using provision mapping software or SEND management systems.", "1,2")]),
    ("Personal qualities",
     [("Highly organised, detail-oriented and able to prioritise competing demands.", "1,2,5"),
      ("Resilient, solution focused and calm under pressure.", "1,2"),
      ("Professional integrity and discretion.", "1,2"),
      ("Collaborative approach with confidence to challenge where necessary.", "1,2"),
      ("Committed to securing the best outcomes for pupils with complex SEND.", "1,2")],
     [("Reflective and committed to continuous improvement.", "1,2")]),
    ("Competencies", "SAFEGUARDING", []),
    ("Equality Issues",
     [("Demonstrable commitment to promoting equality, diversity and inclusion.", "1,2"),
      ("Ability to advocate effectively for vulnerable pupils", "1,2")],
     [("Experience working with pupils from diverse cultural and socio-economic backgrounds.", "1,2")]),
    ("Specialist Knowledge",
     [("Secure understanding of complex SEND needs and personalised provision planning.", "1,2"),
      ("Knowledge of multi-agency working and statutory processes linked to EHCPs.", "1,2")],
     [("Specialist knowledge in a particular area of need (e.g. Autism, PMLD, SEMH, speech and language needs)", "1,2")]),
    ("Other Requirements",
     [("Commitment to supporting the wider work of the school", "1,2")], []),
]
SENCO_SAFEGUARDING = (
    "Commitment and experience of effective safeguarding practice",
    "Ability to keep students and staff safe. This includes demonstrating the following:",
    ["appropriate motivation to work with young people",
     "ability to form appropriate relationships with young people",
     "emotional resilience in working with challenging behaviours",
     "appropriate attitudes to use of authority and maintaining discipline."])

# Seed 001 (Learning Support Practitioner): a section column with a prompt,
# all criteria essential, "How identified" in words for the whole section.
LSP_FACTS = [("Job Title", "Learning Support Practitioner"),
             ("Band/Job Group", "Band D SCP 9-17 + SEN Allowance"),
             ("Hours/Weeks", "32.5 hours per week (Term time only + INSET Days)"),
             ("Responsible to", "Assistant/Deputy Head Teachers")]
# (name, prompt paragraphs, criteria, how identified)
LSP = [
    ("Qualifications", ["What does the job require in the way of: -", "Level of formal qualifications required to carry out the job.  Describe these by level of attainment and by subject matter where appropriate,"],
     ["NVQ 3 in Childcare, BTEC or NNEB/Diploma in Childcare and Education or equivalent.", "GCSE English and Maths at C/4 or equivalent."],
     "Formal possession of an appropriate qualification to be verified at interview or from records."),
    ("Experience", ["What does the job require in the way of: -", "Specific related job experience and in what type of working environment.  What kind of life experience could supplement or replace this?  Which is more important to the success of the job?"],
     ["Experienced in, and willing to work with, pupils exhibiting complex behaviour.", "Experience in cover supervising lessons."],
     "Past employment activity record.  Performance in related selection methods, e.g. presentation, group discussion."),
    ("Training", ["What does the job require in the way of: -", "Specific and/or specialist training in order to do the job"],
     ["Evidence of recent continual professional development relating to working with secondary pupils with learning difficulties.", "Willingness to undertake training as and when required, including first aid training"],
     "Past training history from application form and records.  Selection process by demonstration of ability to display knowledge and skills at the interview."),
    ("Special Knowledge", ["What special knowledge is required in order to perform the job properly, e.g. a knowledge of employment legislation, etc?"],
     ["Able to demonstrate an awareness and understanding of the needs of MLD+ pupils across age ranges and phases.", "Able to demonstrate an understanding of a variety of behavioural strategies.", "Knowledge of teaching and learning strategies."],
     "Qualifications held and demonstration of knowledge at interview."),
    ("Circumstances (personal)", ["What kind of personal circumstances are required to do the job properly?  The ability to work shifts, weekends etc.  The willingness and ability to travel and stay away from home.  Willingness to live-in if the job requires.  Ability to drive, car ownership."],
     ["Ability to work when the School is open (Term time working).", "Willingness to work flexibly to meet the requirements of the post."],
     "Ensuring candidates are aware of these requirements from the job description. Interview questions and application details."),
    ("Disposition", ["How far does the job require: -", "Being steady, dependable, persevering, persistent, even tenacious, being difficult to distract or discourage.  Getting on well with others, working readily with others, co-operating, and influencing others.  Depending on oneself rather than others, relying on own resources, accepting responsibility, leadership qualities, ability to motivate others.  Ability to cope with monotony, neatness, accuracy of work, attention to detail."],
     ["Must be able to communicate at all levels.", "Must be patient caring and committed to supporting MLD+ pupils.", "Must be able to cope with and deal with confrontational and stressful situations.", "Must be committed and experienced in working as a member of a team.", "Able to work on own initiative.  Must be willing to take an active part in all aspects of School life.", "Ability to motivate individuals to perform effectively.", "Commitment to working in partnership with parents.", "Awareness of and respect for, the needs of the individual child and their families, including multicultural and inclusive practices."],
     "Performance in related selection process, e.g. exercises, group discussion, problem-solving, questions etc."),
    ("Practical and Intellectual Skills", ["What practical and intellectual skills are required for performing the job effectively?"],
     ["Must be able to undertake duties relating to the welfare and personal hygiene of pupils (including toileting and feeding if required).", "Must show evidence of good communication skills both orally and in writing."],
     "Performance in related selection process."),
    ("Legal Requirements", ["Are there any limitations or requirements imposed by statute that candidates must comply with, e.g. special qualifications, minimum age range etc.? Are there any \"Genuine Occupational Qualifications\" as defined in legislation which apply to this post?"],
     ["Enhanced DBS Check for Regulated Activity"],
     "Application form and interview questioning and references."),
]
