#!/usr/bin/env python3
"""Writes apps/web/src/locale/messages.en.xlf from the extracted nb source (messages.xlf) and the English
texts below. Placeholders: {0}, {1}, … stand for the source's <x/> elements in order.
Run after `npx nx run web:extract-i18n`; a unit without English text makes the production build fail."""
import re, sys, pathlib
EN = {
 'role.dpo':'Data protection officer','role.infosecLead':'Information security lead',
 'error.incidentCategoryCodeTaken':'Another category already has this code.','error.incidentNotFound':'Case not found, or you do not have access to it.',
 'error.incidentTransitionNotAllowed':'The case has changed. Reload the page and try again.',
 'auditLog.title':'Audit log','auditLog.lead':'Every change in Helhet: who, when and what. The log cannot be changed or deleted.',
 'auditLog.entityType':'Record type','auditLog.allTypes':'All','auditLog.typeOrgUnit':'Unit','auditLog.typeUser':'User','auditLog.typeRole':'Role',
 'auditLog.typeDelegation':'Delegation','auditLog.typeInvitation':'Invitation','auditLog.typeTenant':'Municipality','auditLog.action':'Action',
 'auditLog.allActions':'All','auditLog.from':'From date','auditLog.to':'To date (exclusive)','auditLog.empty':'No changes match the filter.',
 'auditLog.caption':'Changes, newest first','auditLog.colWhen':'Time','auditLog.colWho':'Who','auditLog.colWhat':'What','auditLog.colChanges':'Changes',
 'auditLog.fields':'{0} fields','users.paging':'Choose page','common.loading':'Loading','userDetail.back':'‹ All users','userCreate.title':'New user',
 'userCreate.lead':'The user gets an e-mail with a link to choose a password. Give roles afterwards.','userCreate.name':'Full name',
 'userCreate.nameRequired':'Enter the name.','userDetail.email':'E-mail','userCreate.emailInvalid':'Enter a valid e-mail address.',
 'userCreate.language':'Language','userCreate.submit':'Create and send invitation','userDetail.unitSearch':'Search for a unit',
 'userCreate.unit':'Unit the user belongs to','userCreate.pickUnit':'Choose the unit the user belongs to.','users.colUnit':'Unit','users.colStatus':'Status',
 'userDetail.lastLogin':'Last signed in','userDetail.resend':'Send new invitation','userDetail.deactivate':'Deactivate','userDetail.activate':'Activate',
 'userDetail.rolesTitle':'Roles','userDetail.noRoles':'The user has no roles.','home.includesSubunits':'including subunits','userDetail.removeRole':'Remove',
 'userDetail.addRoleTitle':'Give a new role','users.roleFilter':'Role','userDetail.includeDescendants':'Also applies to subunits','userDetail.addRole':'Add role',
 'userDetail.unit':'Applies to unit','userDetail.pickUnit':'Choose which unit the role applies to.','userDetail.roleAdded':'The role has been added.',
 'userDetail.roleRemoved':'The role has been removed.','userDetail.invited':'A new invitation has been e-mailed.','userDetail.activated':'The user has been activated.',
 'userDetail.deactivated':'The user has been deactivated and signed out.','users.title':'Users and roles','users.new':'New user',
 'users.search':'Search by name or e-mail','users.allRoles':'All roles','users.empty':'No users match the filter.','users.caption':'Users you have access to',
 'users.colName':'Name','users.colRoles':'Roles','title.users':'Users and roles','title.userNew':'New user','title.user':'User','title.login':'Sign in',
 'title.invitation':'Choose password','title.home':'Overview','title.auditLog':'Audit log','title.forbidden':'No access','title.notFound':'Page not found',
 'error.authInvalidCredentials':'Wrong e-mail or password.','error.authInvitationInvalid':'The invitation link is invalid or has expired. Ask the administrator for a new one.',
 'error.authRateLimited':'Too many failed attempts. Wait a while and try again.','error.authRefreshInvalid':'Your session has expired. Please sign in again.',
 'error.authUnauthenticated':'You are not signed in.','error.csrf':'The security check failed. Reload the page and try again.',
 'error.forbidden':'You do not have access to this.','error.internal':'Something went wrong on our side. Try again in a moment.',
 'error.notFound':'We could not find what you were looking for.','error.orgUnitCodeTaken':'Another unit already has this code.',
 'error.orgUnitHasActiveChildren':'The unit has active subunits. Move or close them first.','error.orgUnitInactiveParent':'The parent unit is closed.',
 'error.orgUnitMoveIntoOwnSubtree':'A unit cannot be moved under itself or one of its own subunits.',
 'error.orgUnitNotFound':'Unit not found, or you do not have access to it.','error.orgUnitRootImmutable':'The municipality at the top of the tree cannot be moved or closed.',
 'error.roleAssignmentNotFound':'Role assignment not found.','error.userEmailTaken':'A user with this e-mail address already exists.',
 'error.userNotFound':'User not found, or you do not have access.','error.validationFailed':'Some fields are not filled in correctly.',
 'error.offline':'Cannot reach Helhet. Check the network and try again.','role.departmentLeader':'Department leader','role.employee':'Employee',
 'role.executive':'Chief executive / management team','role.hmsAdvisor':'HSE adviser','role.qualityCoordinator':'Quality coordinator','role.safetyRep':'Safety representative',
 'role.sectorLeader':'Head of sector','role.tenantAdmin':'System administrator','role.unitLeader':'Unit leader','level.agency':'Agency','level.department':'Department',
 'level.district':'District','level.municipality':'Municipality','level.sector':'Sector','level.team':'Team','level.unit':'Unit',
 'service.administration':'Administration','service.childWelfare':'Child welfare','service.culture':'Culture','service.fireRescue':'Fire and rescue',
 'service.healthOther':'Health, other','service.homeCare':'Home care','service.kindergarten':'Kindergarten','service.lowerSecondary':'Lower secondary school',
 'service.nav':'NAV','service.nursingHome':'Nursing home','service.office':'Office','service.primarySchool':'Primary school','service.roadsProperty':'Roads and property',
 'service.technical':'Technical','service.waterSewage':'Water and sewage','delegation.acting':'Acting','delegation.permanent':'Permanent delegation',
 'delegation.vacation':'Holiday stand-in','lineSource.acting':'Acting','lineSource.delegation':'Stand-in','lineSource.leader':'Leader','lineSource.vacant':'Vacant post',
 'userStatus.active':'Active','userStatus.inactive':'Deactivated','userStatus.invited':'Invited','auditAction.create':'Created','auditAction.delete':'Deleted',
 'auditAction.update':'Changed','shell.skipLink':'Skip to main content','shell.menu':'Menu','shell.otherLanguage':'Norsk','shell.signOut':'Sign out',
 'shell.navLabel':'Main menu','nav.home':'Overview','nav.organisation':'Organisation','nav.users':'Users and roles','nav.auditLog':'Audit log',
 'home.greeting':'Hello, {0}','home.lead':'Helhet brings internal control for {0} together: organisation, management lines, incidents and measures now; risk analyses to follow.',
 'home.rolesTitle':'Your roles','home.noRoles':'You have no roles yet. Contact the system administrator.','home.roleScope':'for {0}{1}{2}',
 'invitation.title':'Choose password','invitation.done':'Your password has been saved. You can now sign in.','invitation.toLogin':'Go to sign-in',
 'invitation.lead':'Choose a password of at least 12 characters. A sentence you remember makes a good password.','invitation.password':'New password',
 'invitation.passwordRule':'The password must have at least 12 characters.','invitation.submit':'Save password','login.title':'Sign in',
 'login.lead':'Internal control, incidents and risk – together for your unit.','login.busy':'Signing in','login.email':'E-mail',
 'login.emailRequired':'Enter your e-mail address.','login.emailInvalid':'This does not look like an e-mail address.','login.password':'Password',
 'login.passwordRequired':'Enter your password.','login.submit':'Sign in','line.vacant':'Vacant – responsibility passes to the level above',
 'line.until':'until {0}','line.for':'for {0}','orgTree.title':'Organisation','orgTree.lead':'The units you have access to. Open a unit to see its management line and who is responsible today.',
 'orgTree.searchLabel':'Search for a unit (name or cost centre)','orgTree.resultsTitle':'Search results ({0})','orgTree.noResults':'No units match the search.',
 'orgTree.empty':'You do not have access to any units yet.','orgTree.treeLabel':'Organisation chart','orgTree.inactive':'Closed','orgAdmin.title':'Manage the unit',
 'orgAdmin.editTitle':'Change name, code and type','orgAdmin.name':'Name','orgAdmin.nameRequired':'The unit must have a name.','orgUnit.code':'Cost centre',
 'orgAdmin.codeRule':'Letters, digits, dot, dash or underscore (max 32).','orgUnit.level':'Level','orgUnit.service':'Service area','orgAdmin.noService':'None',
 'common.save':'Save','orgAdmin.childTitle':'Add subunit','orgAdmin.create':'Create','orgAdmin.moveTitle':'Move the unit','orgAdmin.moveSearch':'Search for the new parent unit',
 'orgAdmin.newParent':'New parent unit','orgAdmin.move':'Move','orgAdmin.deactivateTitle':'Close the unit',
 'orgAdmin.deactivateHelp':'The unit is closed from today. Its history is kept. Active subunits must be moved or closed first.','orgAdmin.deactivate':'Close {0}',
 'orgAdmin.saved':'The changes have been saved.','orgAdmin.created':'The subunit has been created.','orgAdmin.moved':'The unit has been moved.',
 'orgAdmin.deactivated':'The unit is closed from today.','orgUnit.errorTitle':'Could not show the unit','orgUnit.backToTree':'Back to the organisation chart',
 'orgUnit.breadcrumb':'Position in the organisation','orgUnit.factsTitle':'About the unit','orgUnit.leader':'Leader','orgUnit.validFrom':'Active from',
 'orgUnit.validTo':'Closed from','orgUnit.lineTitle':'Management line','orgUnit.lineHint':'Who is responsible today, from the unit up to the chief executive.',
 'orgUnit.delegationsTitle':'Stand-ins and acting leaders','orgUnit.delegationLine':'{0}: {1} for {2}, {3}–{4}','orgUnit.childrenTitle':'Subunits ({0})',
 'orgUnit.noChildren':'The unit has no subunits.','title.organisation':'Organisation','title.orgUnit':'Unit','notFound.title':'Page not found',
 'notFound.body':'The page does not exist, or the link is old.','common.backHome':'To the overview','forbidden.title':'No access',
 'paginator.perPage':'Per page:','paginator.next':'Next page','paginator.previous':'Previous page','paginator.first':'First page',
 'paginator.last':'Last page','paginator.none':'0 of 0','paginator.range':'{0}–{1} of {2}',
 'orgAdmin.pickParent':'Choose the unit to move it under.','unitPicker.hint':'Type at least two characters of the name or cost centre',
 'orgAdmin.delegationTitle':'Appoint an acting leader or stand-in','orgAdmin.delegationHelp':'This person stands in for the leader ({0}) during the period, also in the management line and for notifications.',
 'orgAdmin.reason':'Reason','orgAdmin.validFrom':'From (inclusive)','orgAdmin.validTo':'To (inclusive, optional)','orgAdmin.delegate':'Register',
 'orgAdmin.standIn':'Stand-in','orgAdmin.noLeader':'The unit has no leader to stand in for.','orgAdmin.pickStandIn':'Choose the stand-in and the start date.',
 'orgAdmin.delegated':'The stand-in is registered and shown in the management line.','orgUnit.removeDelegation':'End',
 'forbidden.body':'Your roles do not give access to this page. Ask the system administrator if you think you should have access.',
}
import json
# Feature teams keep their English texts in tools/i18n/en-<feature>.json (id → text), merged here.
for extra in sorted((pathlib.Path(__file__).resolve().parent / 'i18n').glob('en-*.json')):
    EN.update(json.loads(extra.read_text()))
root = pathlib.Path(__file__).resolve().parent.parent / 'apps/web/src/locale'
source = (root / 'messages.xlf').read_text()
missing = []
def translate(match):
    unit = match.group(0)
    uid = match.group(1)
    src = re.search(r'<source>(.*?)</source>', unit, re.S).group(1)
    if uid not in EN:
        missing.append(uid); return unit
    tags = re.findall(r'<x [^>]*/>', src)
    text = EN[uid]
    for i, tag in enumerate(tags): text = text.replace('{%d}' % i, tag)
    return unit.replace('</source>', '</source>\n        <target>%s</target>' % text, 1)
out = re.sub(r'<trans-unit id="([^"]+)".*?</trans-unit>', translate, source, flags=re.S)
out = out.replace('source-language="nb"', 'source-language="nb" target-language="en"')
(root / 'messages.en.xlf').write_text(out)
if missing:
    print('No English text for: ' + ', '.join(missing), file=sys.stderr); sys.exit(1)
print('messages.en.xlf written')
