import { type Page, PERMISSIONS, type RoleAssignmentResponse, type UserResponse, type UserSummary } from '@helhet/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { CreateRoleAssignmentDto, CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { UsersQuery } from './users.query';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly query: UsersQuery,
    private readonly service: UsersService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.usersRead)
  list(@CurrentUser() auth: AuthContext, @Query() query: ListUsersQueryDto): Promise<Page<UserSummary>> {
    return this.query.list(auth, query);
  }

  /**
   * users.read in scope; or, without it, a watcher (DPO, kommunedirektør) told that this user was given a content role
   * (ADR 0015) sees the user's roles through the notification's link. Checked in UsersQuery.get.
   */
  @Get(':id')
  get(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<UserResponse> {
    return this.query.get(auth, id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.usersManage)
  create(@CurrentUser() auth: AuthContext, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.service.create(auth, body);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.usersManage)
  update(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<UserResponse> {
    return this.service.update(auth, id, body);
  }

  @Post(':id/invitation')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.usersManage)
  resendInvitation(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.service.resendInvitation(auth, id);
  }

  @Post(':id/role-assignments')
  @RequirePermission(PERMISSIONS.usersManage)
  addRole(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: CreateRoleAssignmentDto,
  ): Promise<RoleAssignmentResponse> {
    return this.service.addRole(auth, id, body);
  }

  @Delete(':id/role-assignments/:assignmentId')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.usersManage)
  removeRole(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('assignmentId', uuid) assignmentId: string,
  ): Promise<void> {
    return this.service.removeRole(auth, id, assignmentId);
  }
}
